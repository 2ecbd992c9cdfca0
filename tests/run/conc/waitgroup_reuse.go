package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var wg sync.WaitGroup
	var n int64
	for round := 1; round <= 3; round++ {
		wg.Add(round)
		for i := 0; i < round; i++ {
			go func() {
				defer wg.Done()
				atomic.AddInt64(&n, 1)
			}()
		}
		wg.Wait()
		fmt.Println("round", round, "total", atomic.LoadInt64(&n))
	}
	wg.Wait()
	fmt.Println("waiting on a zero counter returns at once")
}
