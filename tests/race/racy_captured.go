// Racy: a closure reads a local variable main keeps updating (the
// variable is captured by reference: both goroutines use one cell).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	step := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			sum += step
			mu.Unlock()
		}()
		step++
	}
	wg.Wait()
	fmt.Println("done", sum >= 0)
}
