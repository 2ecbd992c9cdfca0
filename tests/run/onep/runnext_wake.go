// runnext_wake: the order Go's one P wakes goroutines in: close readies
// the waiters it gathered last first, each taking runnext; Gosched sends a
// goroutine to the global queue, behind every local one. (Timers are left
// out: which of them Go fires together depends on real microseconds.)
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	ch := make(chan int)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-ch
			fmt.Println("closed", i)
		}(i)
	}
	runtime.Gosched()
	close(ch)
	wg.Wait()

	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			fmt.Println("before Gosched", i)
			runtime.Gosched()
			fmt.Println("after Gosched", i)
		}(i)
	}
	wg.Wait()
}
