// runnext_spawn: on one P, Go runs the goroutine made last first (it takes
// the P's runnext slot; the one it displaces joins the local queue's tail),
// then the rest in the order they were made. Readied goroutines (a channel
// hand-off, a WaitGroup's waiters) take runnext too.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			fmt.Println("worker", i)
		}(i)
	}
	wg.Wait()

	// several goroutines wait on one WaitGroup: released last first
	var start, done sync.WaitGroup
	start.Add(1)
	for i := 0; i < 3; i++ {
		done.Add(1)
		go func(i int) {
			defer done.Done()
			start.Wait()
			fmt.Println("released", i)
		}(i)
	}
	fmt.Println("starting")
	start.Done()
	done.Wait()

	// a pipeline: each hand-off runs the receiver next
	ch := make(chan int)
	out := make(chan string, 10)
	go func() {
		for v := range ch {
			out <- fmt.Sprint("got ", v)
		}
		close(out)
	}()
	for i := 0; i < 3; i++ {
		out <- fmt.Sprint("send ", i)
		ch <- i
	}
	close(ch)
	for s := range out {
		fmt.Println(s)
	}
}
