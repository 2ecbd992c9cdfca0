package main

import "fmt"

func main() {
	var s []int
	prev := -1
	for i := 0; i < 20; i++ {
		s = append(s, i)
		if cap(s) != prev {
			fmt.Println("len", len(s), "cap", cap(s))
			prev = cap(s)
		}
	}
	a := make([]int, 3, 4)
	b := append(a, 1)
	c := append(a, 2)
	fmt.Println(b[3], c[3], len(a), cap(a))
	d := append(b, 5)
	d[0] = 42
	fmt.Println(b[0], d[0], cap(b) == cap(d))
	e := make([]string, 0, 2)
	e = append(e, "x", "y")
	f := append(e[:1], "z")
	fmt.Println(e, f)
}
