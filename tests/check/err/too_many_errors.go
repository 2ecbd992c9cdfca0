package main

import "fmt"

func main() {
	a := b1 + 1
	c := d1 * 2
	fmt.Println(e1, f1, g1)
	var h int = "x"
	var i string = 3
	j := k1
	l := m1
	fmt.Println(a, c, h, i, j, l, n1, o1, p1)
}
