package main

import "fmt"

func compute() int { return 1 }

func main() {
	compute
	1 + 2
	fmt.Println("x")
}
