package main

import "fmt"

func main() {
	s := []int{1, 2}
	const n = len(s)
	fmt.Println(n)
}
