package main

import "fmt"

type Grid [3][3]int

func main() {
	var a [5]int
	b := [...]string{"x", "y", "z"}
	c := [4]int{1: 10, 3: 30}
	a[2] = 7
	d := a
	d[0] = 1
	var g Grid
	g[1][1] = 5
	fmt.Println(a, b, c, d, len(b), g, a == d)
	for i, v := range b {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	p := &a
	p[4] = 9
	fmt.Println(a[4], len(p))
	sl := c[1:3]
	fmt.Println(sl)
}
