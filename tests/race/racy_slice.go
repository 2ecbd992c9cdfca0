// Racy: two goroutines store into the same slice element.
package main

import (
	"fmt"
	"sync"
)

func fill(results []int, wg *sync.WaitGroup) {
	defer wg.Done()
	results[2] = 7
}

func main() {
	results := make([]int, 4)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		fill(results, &wg)
	}()
	go func() {
		defer wg.Done()
		results[2] = 9
	}()
	wg.Wait()
	fmt.Println("done", len(results))
}
