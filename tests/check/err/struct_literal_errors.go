package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	p := Point{1, 2, 3}
	q := Point{X: 1, 2}
	r := Point{1}
	fmt.Println(p, q, r)
}
