package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var old int64
	var n atomic.Int64
	var u32 uint32
	var flag atomic.Bool
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				atomic.AddInt64(&old, 1)
				n.Add(2)
				atomic.AddUint32(&u32, 1)
			}
			flag.Store(true)
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&old), n.Load(), atomic.LoadUint32(&u32), flag.Load())
	fmt.Println(n.CompareAndSwap(10000, 1), n.Load(), n.Swap(5), n.Load())
	var winners int32
	var claimed int32
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if atomic.CompareAndSwapInt32(&claimed, 0, 1) {
				atomic.AddInt32(&winners, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("winners:", atomic.LoadInt32(&winners))
}
