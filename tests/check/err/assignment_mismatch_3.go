package main

import "fmt"

func two() (int, int) { return 1, 2 }

func main() {
	a, b, c := two()
	x, y := 1
	fmt.Println(a, b, c, x, y)
}
