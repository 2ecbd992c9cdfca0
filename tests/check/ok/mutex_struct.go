package main

import (
	"fmt"
	"sync"
)

type Bank struct {
	mu       sync.RWMutex
	balances map[string]int
}

func (b *Bank) Deposit(who string, n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.balances[who] += n
}

func (b *Bank) Balance(who string) int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.balances[who]
}

func main() {
	b := &Bank{balances: make(map[string]int)}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			b.Deposit("ann", n)
		}(i)
	}
	wg.Wait()
	fmt.Println(b.Balance("ann"))
}
