package main

import "fmt"

type P struct{ X int }

func main() {
	a, b := P{1}, P{2}
	fmt.Println(a + b)
	s := []int{1}
	fmt.Println(s == s)
	fmt.Println(!5)
}
