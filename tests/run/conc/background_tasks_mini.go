package main

import (
	"fmt"
	"sync"
	"time"
)

type Task struct {
	ID   int
	Cost time.Duration
}

func main() {
	tasks := make(chan Task, 10)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	doneIDs := make([]bool, 6)
	for w := 1; w <= 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for {
				select {
				case t := <-tasks:
					time.Sleep(t.Cost)
					mu.Lock()
					doneIDs[t.ID] = true
					mu.Unlock()
				case <-stop:
					return
				}
			}
		}(w)
	}
	for i := 0; i < 6; i++ {
		tasks <- Task{i, time.Duration(i+1) * 5 * time.Millisecond}
	}
	time.Sleep(400 * time.Millisecond)
	close(stop)
	wg.Wait()
	fmt.Println("all done:", doneIDs)
}
