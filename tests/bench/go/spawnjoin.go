// spawnjoin: 1,000,000 goroutines each doing one atomic add and Done on a
// WaitGroup; main waits for all. Figure: wall time / N (goal <= 200 ns).
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	const n = 1000000
	var total int64
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			atomic.AddInt64(&total, 1)
			wg.Done()
		}()
	}
	wg.Wait()
	if atomic.LoadInt64(&total) != n {
		panic("bad total")
	}
	fmt.Println("goroutines", n, "total", total)
}
