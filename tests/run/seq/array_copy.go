package main

import "fmt"

func double(a [3]int) [3]int {
	for i := range a {
		a[i] *= 2
	}
	return a
}

func doublePtr(a *[3]int) {
	for i := range a {
		a[i] *= 2
	}
}

func main() {
	a := [3]int{1, 2, 3}
	b := double(a)
	fmt.Println(a, b)
	doublePtr(&a)
	fmt.Println(a, a == b, a != [3]int{})
	grid := [2][2]string{{"a", "b"}, {"c", "d"}}
	row := grid[0]
	row[0] = "z"
	fmt.Println(grid, row)
	for i, v := range a {
		a[2] = 100
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println(a)
}
