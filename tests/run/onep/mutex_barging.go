// mutex_barging: sync.Mutex in normal mode. Unlock wakes a waiter but does
// not hand it the lock, so the unlocking goroutine can take it straight back
// (TryLock succeeds); the woken waiters still get the lock in FIFO order.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var order []string
	var wg sync.WaitGroup
	mu.Lock()
	for _, name := range []string{"a", "b", "c"} {
		name := name
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			order = append(order, name)
			mu.Unlock()
		}()
		time.Sleep(time.Millisecond) // queue in this order
	}
	for i := 0; i < 3; i++ {
		mu.Unlock()
		fmt.Println("unlock, then TryLock:", mu.TryLock())
	}
	mu.Unlock()
	wg.Wait()
	fmt.Println("waiters got it in order", order)
}
