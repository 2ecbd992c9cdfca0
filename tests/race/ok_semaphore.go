// Correct: a buffered channel of capacity 1 used as a lock (the k-th
// receive happens before the (k+1)-th send completes).
package main

import (
	"fmt"
	"sync"
)

var total int

func main() {
	sem := make(chan struct{}, 1)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 10; j++ {
				sem <- struct{}{}
				total++
				<-sem
			}
		}()
	}
	wg.Wait()
	fmt.Println(total)
}
