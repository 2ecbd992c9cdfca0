package main

import (
	"fmt"
	"sync"
)

func main() {
	jobs := make(chan int, 3)
	var wg sync.WaitGroup
	total := 0
	var mu sync.Mutex
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				mu.Lock()
				total += j
				mu.Unlock()
			}
		}()
	}
	for i := 1; i <= 3; i++ {
		jobs <- i
	}
	fmt.Println("jobs sent; forgot close(jobs)")
	wg.Wait()
	fmt.Println(total)
}
