package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	vals := []int{5, 1, 4, 2, 3}
	var wg sync.WaitGroup
	out := make(chan int, len(vals))
	for _, v := range vals {
		wg.Add(1)
		go func(v int) {
			defer wg.Done()
			time.Sleep(time.Duration(v) * 40 * time.Millisecond)
			out <- v
		}(v)
	}
	wg.Wait()
	close(out)
	for v := range out {
		fmt.Print(v, " ")
	}
	fmt.Println()
}
