package main

import "fmt"

func main() {
	base := []int{0, 1, 2, 3, 4, 5, 6, 7}
	a := base[2:5]
	b := base[4:]
	a[2] = 40
	fmt.Println(base, a, b, len(a), cap(a), len(b), cap(b))
	a = append(a, 50)
	fmt.Println(base, b[1])
	c := base[1:3:4]
	c = append(c, 99)
	fmt.Println(base, len(c), cap(c))
	c = append(c, 100)
	c[0] = -1
	fmt.Println(base, c)
	var s []int
	t := s[:0]
	fmt.Println(s == nil, t == nil, len(t))
	ext := base[:2]
	ext = ext[:cap(ext)]
	fmt.Println(len(ext), ext[7])
}
