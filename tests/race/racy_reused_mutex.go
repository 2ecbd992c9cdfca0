// racy_reused_mutex: a writer and a reader that share no lock: each locks
// a mutex of its own. The writer's mutex is garbage by the time the reader
// makes its own (runtime.GC frees it), so a runtime that reused the dead
// mutex's identity with its clocks would hide the race on x.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

var x int

func writer(wg *sync.WaitGroup) {
	defer wg.Done()
	var mu sync.Mutex
	mu.Lock()
	x = 1
	mu.Unlock()
}

func reader(wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(10 * time.Millisecond)
	runtime.GC()
	var mu sync.Mutex
	mu.Lock()
	v := x
	mu.Unlock()
	fmt.Println("read", v)
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go writer(&wg)
	go reader(&wg)
	wg.Wait()
}
