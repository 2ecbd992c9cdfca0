package main

import (
	"fmt"
	"sync"
)

func main() {
	const n = 4
	var wg sync.WaitGroup
	phase1 := make([]int, n)
	phase2 := make([]int, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			phase1[i] = i * 2
		}(i)
	}
	wg.Wait()
	fmt.Println("phase 1:", phase1)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			phase2[i] = phase1[i] + phase1[(i+1)%n]
		}(i)
	}
	wg.Wait()
	fmt.Println("phase 2:", phase2)
}
