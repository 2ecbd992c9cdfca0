package main

import "fmt"

func greet(greeting, name string) string { return greeting + ", " + name }

func main() {
	fmt.Println(greet("hello"))
}
