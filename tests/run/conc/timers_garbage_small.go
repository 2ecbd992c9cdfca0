package main

import (
	"fmt"
	"sync"
	"time"
)

// The small sibling of tests/run/heavy/timers_garbage.go (timers freed with
// their channels), for the per-seed and GC-stress corpus runs. Timers that
// become garbage must not pile up: many time.After that
// never fire (an hour is long) lose their select to a ready channel; stopped
// NewTimers are dropped; short-lived goroutines sleep once and end.
func main() {
	ch := make(chan int, 1)
	sum, timeouts := 0, 0
	for i := 0; i < 20000; i++ {
		ch <- i
		select {
		case v := <-ch:
			sum += v
		case <-time.After(time.Hour):
			timeouts++
		}
	}
	fmt.Println(sum, timeouts)

	stopped := 0
	for i := 0; i < 5000; i++ {
		t := time.NewTimer(time.Hour)
		if t.Stop() {
			stopped++
		}
	}
	fmt.Println("stopped", stopped)

	var wg sync.WaitGroup
	for round := 0; round < 10; round++ {
		for i := 0; i < 100; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				time.Sleep(time.Microsecond)
			}()
		}
		wg.Wait()
	}
	fmt.Println("slept")
}
