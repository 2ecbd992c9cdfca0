package main

import "fmt"

func main() {
	s := []int{1, 2, 3, 4, 5}
	t := s[1:3]
	u := s[:2:3]
	t[0] = 20
	s = append(s, 6)
	fmt.Println(len(t), cap(t), len(u), cap(u), s)
	var z []string
	z = append(z, "a", "b")
	dst := make([]int, 3)
	n := copy(dst, s)
	fmt.Println(z, n, dst, z == nil)
	m2 := [][]int{{1}, {2, 3}}
	m2[1] = append(m2[1], 4)
	fmt.Println(m2, s[len(s)-1], s[3:])
	b := []byte("hi")
	b = append(b, " there"...)
	fmt.Println(string(b))
}
