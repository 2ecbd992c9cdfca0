package main

import (
	"fmt"
	"sync"
)

// TryLock, TryRLock and Once.Do as the very first use of a sync value (the
// runtime makes its state on first use).
func main() {
	var mu sync.Mutex
	fmt.Println("trylock:", mu.TryLock(), mu.TryLock())
	var rw sync.RWMutex
	fmt.Println("tryrlock:", rw.TryRLock(), rw.TryLock())
	var rw2 sync.RWMutex
	fmt.Println("trylock rw:", rw2.TryLock(), rw2.TryRLock())
	c := sync.NewCond(&mu)
	c.Signal()
	c.Broadcast()
	fmt.Println("signal with no waiters")
}
