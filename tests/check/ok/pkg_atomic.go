package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n int64
	var m atomic.Int64
	var u int32
	var flag atomic.Bool
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&n, 2)
			m.Add(1)
			atomic.AddInt32(&u, 1)
		}()
	}
	wg.Wait()
	flag.Store(true)
	swapped := atomic.CompareAndSwapInt64(&n, 8, 100)
	atomic.StoreInt32(&u, 7)
	fmt.Println(atomic.LoadInt64(&n), m.Load(), atomic.LoadInt32(&u), swapped, flag.Load())
	old := m.Swap(9)
	fmt.Println(old, m.CompareAndSwap(9, 10), m.Load())
}
