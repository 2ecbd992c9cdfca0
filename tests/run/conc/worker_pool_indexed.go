package main

import (
	"fmt"
	"sync"
)

type job struct{ idx, n int }

func main() {
	inputs := []int{5, 3, 8, 1, 9, 2, 7}
	jobs := make(chan job)
	results := make([]int, len(inputs))
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results[j.idx] = j.n * j.n
			}
		}()
	}
	for i, n := range inputs {
		jobs <- job{i, n}
	}
	close(jobs)
	wg.Wait()
	fmt.Println(results)
}
