package main

import "fmt"

func compute() int { return 42 }

func main() {
	x := go compute()
	fmt.Println(x)
}
