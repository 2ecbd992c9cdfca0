package main

import "fmt"

func main() {
	xs := []int{1, 2, 3}
	for i, v := range xs {
		if i == 0 {
			xs = append(xs, 100)
			xs[2] = 30
		}
		fmt.Print(v, " ")
	}
	fmt.Println(len(xs))
	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		arr[2] = 99
		fmt.Print(i, v, " ")
	}
	fmt.Println(arr)
	for i := range "héllo" {
		fmt.Print(i, " ")
	}
	fmt.Println()
	s := []string{"a", "b", "c"}
	for i := range s {
		s[i] += s[i]
	}
	fmt.Println(s)
	var total int
	for _, row := range [][]int{{1, 2}, {3}} {
		for _, v := range row {
			total += v
		}
	}
	fmt.Println(total)
	ch := make(chan int, 3)
	for i := 0; i < 3; i++ {
		ch <- i * i
	}
	close(ch)
	for v := range ch {
		fmt.Print(v, " ")
	}
	fmt.Println()
}
