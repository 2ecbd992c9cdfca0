package main

import (
	"fmt"
	"sync"
)

type Bank struct {
	mu       sync.Mutex
	accounts []int
}

func (b *Bank) Transfer(from, to, amt int) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.accounts[from] < amt {
		return false
	}
	b.accounts[from] -= amt
	b.accounts[to] += amt
	return true
}

func (b *Bank) Total() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	t := 0
	for _, v := range b.accounts {
		t += v
	}
	return t
}

func main() {
	b := &Bank{accounts: []int{100, 100, 100, 100}}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				b.Transfer((i+j)%4, (i+j+1)%4, j%7)
			}
		}(i)
	}
	wg.Wait()
	fmt.Println("total preserved:", b.Total())
}
