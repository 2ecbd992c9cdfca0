// Racy: the loop-variable bug with range. Before Go 1.22 `for _, n :=
// range` assigns one variable each iteration (a write at the range line)
// while the goroutines started in earlier iterations read it (outside the
// mutex: a lock taken after a later goroutine's unlock would order it).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for _, n := range []int{10, 20, 30} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := n
			mu.Lock()
			total += v
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("done", total > 0)
}
