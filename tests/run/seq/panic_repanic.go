package main

import "fmt"

func main() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("cleanup after:", r)
			// A new value, not panic(r): Go >= 1.23 prints re-panics of the same
			// value as "[recovered, repanicked]", unlike the 1.19 oracle.
			panic(fmt.Sprint("cleanup failed: ", r))
		}
	}()
	panic("first failure")
}
