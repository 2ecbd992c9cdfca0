package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var rw sync.RWMutex
	var wg sync.WaitGroup
	var once sync.Once
	cond := sync.NewCond(&mu)
	n := 0
	ready := false
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { fmt.Println("once") })
			mu.Lock()
			for !ready {
				cond.Wait()
			}
			n++
			mu.Unlock()
		}()
	}
	mu.Lock()
	ready = true
	cond.Broadcast()
	mu.Unlock()
	wg.Wait()
	rw.RLock()
	fmt.Println(n)
	rw.RUnlock()
	rw.Lock()
	rw.Unlock()
	cond.Signal()
}
