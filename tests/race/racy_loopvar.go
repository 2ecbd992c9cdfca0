// Racy: the tutorial's classic loop-variable bug. Before Go 1.22 a
// `for i := ...` loop has one i for all iterations, so the goroutines'
// closures read the very variable the post statement i++ writes.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			sum += i
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("done", sum >= 0)
}
