// Correct: each goroutine writes its own element; Wait orders the reads.
package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make([]int, 5)
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		k := i
		go func() {
			defer wg.Done()
			results[k] = k * k
		}()
	}
	wg.Wait()
	fmt.Println(results)
}
