package main

import "fmt"

func main() {
	var n int = 2.5
	m := make([]int, 1.5)
	fmt.Println(n, m)
}
