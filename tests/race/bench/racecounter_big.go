// racecounter_big: the race_counter scenario scaled up for measuring the
// detector's overhead (10 goroutines x 200,000 unprotected c.count++).
// Not part of the race corpus (tests/race/*.go); see tests/race/bench.sh.
package main

import (
	"fmt"
	"sync"
)

type UnsafeCounter struct {
	count int
}

func (c *UnsafeCounter) Increment() {
	c.count++
}

func main() {
	var wg sync.WaitGroup
	c := &UnsafeCounter{}
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200000; j++ {
				c.Increment()
			}
		}()
	}
	wg.Wait()
	fmt.Println(c.count > 0)
}
