package main

import "fmt"

func main() {
	a := make([]int)
	n := 5
	close(n)
	b := append(n, 1)
	fmt.Println(a, b, len(n))
}
