package main

import "fmt"

var (
	a = c + b
	b = f("b", 1)
	c = f("c", 2)
	d = 3
)

var registry = map[string]int{}

func f(name string, v int) int {
	fmt.Println("init var", name)
	return v * 10
}

func init() {
	fmt.Println("init 1: a =", a)
	registry["one"] = 1
}

func init() {
	fmt.Println("init 2: registry size", len(registry))
	d++
}

func main() {
	fmt.Println("main:", a, b, c, d)
}
