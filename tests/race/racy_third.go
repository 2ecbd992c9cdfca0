// Racy: two goroutines update x under a mutex, a third writes it without.
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	a.balance += n
	a.mu.Unlock()
}

func (a *Account) Reset() {
	a.balance = 0
}

func main() {
	acc := &Account{}
	var wg sync.WaitGroup
	wg.Add(3)
	go func() {
		defer wg.Done()
		acc.Deposit(10)
	}()
	go func() {
		defer wg.Done()
		acc.Deposit(20)
	}()
	go func() {
		defer wg.Done()
		acc.Reset()
	}()
	wg.Wait()
	fmt.Println("done")
}
