package main

import "fmt"

const limit = 5

func main() {
	p := &limit
	q := &fmt.Sprint(1)
	fmt.Println(p, q)
}
