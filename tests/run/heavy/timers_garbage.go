package main

import (
	"fmt"
	"sync"
	"time"
)

// Timers that become garbage must not pile up: a million time.After that
// never fire (an hour is long) lose their select to a ready channel; stopped
// NewTimers are dropped; short-lived goroutines sleep once and end.
// tests/timer_gc.test.sh runs this under --max-heap 8000000 (tests/run/heavy:
// too slow for the per-seed corpus runs under ASan; expectations from
// gen_run_expected.sh heavy).
func main() {
	ch := make(chan int, 1)
	sum, timeouts := 0, 0
	for i := 0; i < 1000000; i++ {
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
	for i := 0; i < 200000; i++ {
		t := time.NewTimer(time.Hour)
		if t.Stop() {
			stopped++
		}
	}
	fmt.Println("stopped", stopped)

	var wg sync.WaitGroup
	for round := 0; round < 100; round++ {
		for i := 0; i < 1000; i++ {
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
