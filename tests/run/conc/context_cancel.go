package main

import (
	"context"
	"fmt"
	"sync"
)

func worker(ctx context.Context, id int, wg *sync.WaitGroup, started chan<- int) {
	defer wg.Done()
	started <- id
	<-ctx.Done()
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	started := make(chan int)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(ctx, i, &wg, started)
	}
	for i := 0; i < 3; i++ {
		<-started
	}
	fmt.Println("all started, err before cancel:", ctx.Err())
	cancel()
	wg.Wait()
	fmt.Println("all stopped:", ctx.Err())
	cancel()
	fmt.Println(ctx.Err() == context.Canceled)
}
