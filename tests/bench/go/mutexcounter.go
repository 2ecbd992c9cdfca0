// mutexcounter: 10 goroutines x 1,000,000 increments of a shared int under
// sync.Mutex. Figure: wall time / 10,000,000 (goal <= 60 ns with the trace on).
package main

import (
	"fmt"
	"sync"
)

func main() {
	const g, k = 10, 1000000
	var mu sync.Mutex
	count := 0
	var wg sync.WaitGroup
	for i := 0; i < g; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < k; j++ {
				mu.Lock()
				count++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if count != g*k {
		panic("bad count")
	}
	fmt.Println("goroutines", g, "increments", k, "count", count)
}
