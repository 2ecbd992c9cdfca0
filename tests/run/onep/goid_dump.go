// goid_dump: goroutine numbers as Go gives them on one processor, seen in a
// deadlock dump: fmt links os, so the program's goroutines count from 6;
// twenty of them cross Go's batch of 16 ids per P. Each blocks in its own
// way, so the dump's `goroutine N [state]:` lines name every wait reason.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	ch := make(chan int)
	mu.Lock()
	for i := 0; i < 20; i++ {
		switch i % 4 {
		case 0:
			go func() { <-ch }()
		case 1:
			go func() { ch <- 1 }()
		case 2:
			go func() { mu.Lock() }()
		default:
			wg.Add(1)
			go func() { select {} }()
		}
	}
	fmt.Println("all started")
	wg.Wait()
}
