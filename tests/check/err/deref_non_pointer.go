package main

import "fmt"

func main() {
	x := 3
	fmt.Println(*x)
	p := &x
	fmt.Println(p.foo)
}
