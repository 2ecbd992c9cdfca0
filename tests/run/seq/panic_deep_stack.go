package main

import "fmt"

func a(n int) int {
	if n == 0 {
		var arr []int
		return arr[n]
	}
	return b(n-1) + 1
}

func b(n int) int { return a(n) }

func main() {
	defer fmt.Println("main defer runs before crash")
	fmt.Println(a(3))
}
