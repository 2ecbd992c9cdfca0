package main

import (
	"fmt"
	"sync"
)

func main() {
	nums := make([]int, 1000)
	for i := range nums {
		nums[i] = i + 1
	}
	const parts = 4
	sums := make(chan int, parts)
	var wg sync.WaitGroup
	size := len(nums) / parts
	for p := 0; p < parts; p++ {
		wg.Add(1)
		go func(chunk []int) {
			defer wg.Done()
			s := 0
			for _, v := range chunk {
				s += v
			}
			sums <- s
		}(nums[p*size : (p+1)*size])
	}
	wg.Wait()
	close(sums)
	total := 0
	for s := range sums {
		total += s
	}
	fmt.Println("sum 1..1000 =", total)
}
