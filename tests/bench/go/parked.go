// parked: 1,000,000 goroutines parked on one channel receive at once, then
// released. goro-viz's figure: (peak RSS - startup RSS) / N bytes per parked
// goroutine (tests/bench/README; goal <= 300). Constant sizes, no os.Getenv.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	const n = 1000000
	ch := make(chan int)
	var started, done sync.WaitGroup
	started.Add(n)
	done.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			started.Done()
			<-ch
			done.Done()
		}()
	}
	started.Wait()
	live := runtime.NumGoroutine() - 1
	close(ch)
	done.Wait()
	fmt.Println("parked", live)
}
