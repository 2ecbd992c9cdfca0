package main

import "fmt"

func main() {
	grid := [][]int{{1, 2, 3}, {4, -5, 6}, {7, 8, 9}}
outer:
	for i, row := range grid {
		for j, v := range row {
			if v < 0 {
				fmt.Println("negative at", i, j)
				break outer
			}
			if v%2 == 0 {
				continue outer
			}
			fmt.Println(v)
		}
	}
	n := 0
loop:
	for {
		switch {
		case n > 3:
			break loop
		default:
			n++
		}
	}
	fmt.Println(n)
	i := 0
count:
	for ; ; i++ {
		if i == 3 {
			break count
		}
	}
	fmt.Println(i)
}
