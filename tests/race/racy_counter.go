// Racy: two goroutines increment a global without synchronisation.
package main

import (
	"fmt"
	"sync"
)

var counter int

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				counter++
			}
		}()
	}
	wg.Wait()
	fmt.Println("done", counter > 0)
}
