// defer_native_yield: natives that switch goroutines run as deferred calls:
// `defer runtime.Gosched()` and `defer mu.Unlock()` under heavy contention
// (where an Unlock may hand the mutex off and yield), also while a panic
// unwinds into a recover.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
)

var (
	mu    sync.Mutex
	total int
)

func add(n int) {
	mu.Lock()
	defer mu.Unlock()
	total += n
}

func worker(id int, wg *sync.WaitGroup, out chan<- int) {
	defer wg.Done()
	defer runtime.Gosched()
	for i := 0; i < 200; i++ {
		add(1)
	}
	out <- id
}

func risky() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	mu.Lock()
	defer mu.Unlock()
	defer runtime.Gosched()
	var m map[string]int
	m["x"] = 1
	return nil
}

func main() {
	var wg sync.WaitGroup
	out := make(chan int, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go worker(i, &wg, out)
	}
	wg.Wait()
	close(out)
	var ids []int
	for id := range out {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	fmt.Println("workers", ids, "total", total)
	fmt.Println(risky())
	mu.Lock()
	fmt.Println("mutex free after the panic")
	mu.Unlock()
}
