package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

// The less function takes a lock another goroutine holds for a while.
func main() {
	var mu sync.Mutex
	xs := []int{3, 1, 2}
	mu.Lock()
	go func() {
		time.Sleep(time.Millisecond)
		mu.Unlock()
	}()
	sort.Slice(xs, func(i, j int) bool {
		mu.Lock()
		defer mu.Unlock()
		return xs[i] < xs[j]
	})
	fmt.Println(xs)
}
