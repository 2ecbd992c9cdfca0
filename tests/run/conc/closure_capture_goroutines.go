package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var seen []int
	for i := 0; i < 5; i++ {
		i := i
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			seen = append(seen, i)
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Ints(seen)
	fmt.Println(seen)
	shared := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(delta int) {
			defer wg.Done()
			mu.Lock()
			shared += delta
			mu.Unlock()
		}(i + 1)
	}
	wg.Wait()
	fmt.Println(shared)
}
