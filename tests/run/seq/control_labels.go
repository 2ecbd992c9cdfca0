package main

import "fmt"

func main() {
	matrix := [][]int{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
	target := 5
	found := false
search:
	for i, row := range matrix {
		for j, v := range row {
			if v == target {
				fmt.Println("found at", i, j)
				found = true
				break search
			}
		}
	}
	fmt.Println(found)
	count := 0
rows:
	for _, row := range matrix {
		for _, v := range row {
			if v%2 == 0 {
				continue rows
			}
			count++
		}
	}
	fmt.Println("odd-before-even count:", count)
	i := 0
retry:
	for {
		i++
		if i < 3 {
			fmt.Println("retry", i)
			continue retry
		}
		break
	}
	n := 0
	for {
		n++
		if n == 2 {
			continue
		}
		if n > 4 {
			break
		}
		fmt.Print(n, " ")
	}
	fmt.Println()
sel:
	for k := 0; ; k++ {
		switch {
		case k == 3:
			break sel
		}
	}
	fmt.Println("done")
}
