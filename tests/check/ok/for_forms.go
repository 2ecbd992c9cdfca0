package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		fmt.Print(i)
	}
	j := 0
	for j < 3 {
		j++
	}
	for {
		j++
		if j > 5 {
			break
		}
	}
	for i, c := range "aé" {
		fmt.Print(i, c)
	}
	for range []int{1, 2} {
		fmt.Print("x")
	}
	ch := make(chan int, 2)
	ch <- 1
	ch <- 2
	close(ch)
	for v := range ch {
		fmt.Print(v)
	}
	m := map[int]int{1: 1}
	for k, v := range m {
		fmt.Print(k + v)
	}
	var arr [2]bool
	for i := range arr {
		arr[i] = true
	}
	fmt.Println(j, arr)
}
