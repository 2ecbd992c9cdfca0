// sleep_zero: time.Sleep of zero or less returns at once in Go (runtime
// timeSleep: no timer, no yield), so on one P nothing else runs before it.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 2; j++ {
				fmt.Println(i, j)
				time.Sleep(0)
			}
		}(i)
	}
	time.Sleep(-1)
	fmt.Println("main")
	wg.Wait()
}
