package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := 0; j < 10; j++ {
				mu.Lock()
				total += id
				mu.Unlock()
				runtime.Gosched()
			}
		}(i)
	}
	wg.Wait()
	fmt.Println("total", total)
}
