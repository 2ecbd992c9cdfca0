package main

import "fmt"

func main() {
outer:
	fmt.Println("not a loop")
	for i := 0; i < 2; i++ {
		break outer
	}
}
