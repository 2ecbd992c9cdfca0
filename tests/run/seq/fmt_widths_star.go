package main

import "fmt"

func main() {
	fmt.Printf("[%*d]\n", 6, 42)
	fmt.Printf("[%-*d]\n", 6, 42)
	fmt.Printf("[%.*f]\n", 3, 3.14159)
	fmt.Printf("[%*.*f]\n", 10, 2, 3.14159)
	fmt.Printf("[%*s]\n", -6, "ab")
	fmt.Printf("[%[2]d %[1]d]\n", 1, 2)
	fmt.Printf("[%[1]d %[1]x %[1]o]\n", 64)
	fmt.Printf("[%*d]\n", "x", 3)
	for i := 1; i <= 3; i++ {
		fmt.Printf("%*s|\n", i*2, "x")
	}
}
