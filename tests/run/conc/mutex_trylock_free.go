package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu sync.Mutex
	m  map[int]int
}

func (c *Cache) GetOrCompute(k int, f func(int) int) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.m[k]; ok {
		return v
	}
	v := f(k)
	c.m[k] = v
	return v
}

func main() {
	c := &Cache{m: map[int]int{}}
	var calls int
	var cm sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 30; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c.GetOrCompute(i%5, func(k int) int {
				cm.Lock()
				calls++
				cm.Unlock()
				return k * k
			})
		}(i)
	}
	wg.Wait()
	fmt.Println("computations:", calls, "cache:", c.m)
}
