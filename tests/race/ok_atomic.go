// Correct: an atomic counter, and data published by an atomic flag.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

var hits int64
var payload int
var ready int32

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 25; j++ {
				atomic.AddInt64(&hits, 1)
			}
		}()
	}
	go func() {
		payload = 99
		atomic.StoreInt32(&ready, 1)
	}()
	for atomic.LoadInt32(&ready) == 0 {
		runtime.Gosched()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&hits), payload)
}
