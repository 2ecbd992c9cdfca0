package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func poller(ctx context.Context, wg *sync.WaitGroup, out chan<- int) {
	defer wg.Done()
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	n := 0
	for {
		select {
		case <-t.C:
			n++
		case <-ctx.Done():
			out <- n
			return
		}
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 55*time.Millisecond)
	defer cancel()
	var wg sync.WaitGroup
	out := make(chan int, 1)
	wg.Add(1)
	go poller(ctx, &wg, out)
	wg.Wait()
	fmt.Println(<-out > 0)
}
