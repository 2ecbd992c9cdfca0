package main

import "fmt"

func main() {
	defer fmt.Println("deferred print runs")
	defer func() {
		panic("defer panic")
	}()
	panic("main panic")
}
