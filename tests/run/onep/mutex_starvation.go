// mutex_starvation: a woken waiter that loses the mutex to a barging
// goroutine after waiting over 1 ms turns the mutex to starvation mode:
// the next Unlock hands the lock straight to that waiter, and the
// unlocker yields to it.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	done := make(chan bool)
	mu.Lock()
	go func() {
		mu.Lock()
		fmt.Println("waiter: got the lock")
		mu.Unlock()
		done <- true
	}()
	time.Sleep(time.Millisecond) // the waiter queues
	mu.Unlock()                  // wakes it, but...
	mu.Lock()                    // ...main barges in first
	fmt.Println("main: relocked before the woken waiter")
	time.Sleep(2 * time.Millisecond) // the waiter runs, loses, starves
	mu.Unlock()                      // starvation mode: handed to the waiter
	fmt.Println("main: TryLock after the hand-off:", mu.TryLock())
	<-done
}
