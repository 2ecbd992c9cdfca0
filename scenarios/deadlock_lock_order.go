// Not from the tutorial: the classic lock-order deadlock. Two goroutines take
// the same two mutexes in opposite orders. Most interleavings finish; in some,
// each goroutine holds one lock and waits for the other forever, and Go's
// runtime reports "fatal error: all goroutines are asleep - deadlock!".
// In goro-viz: `goro-viz hunt scenarios/deadlock_lock_order.go --until deadlock`
// finds such a seed; the window then highlights the wait-for cycle.
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	name    string
	balance int
}

// transfer locks from, then to: the order depends on the caller.
func transfer(from, to *Account, amount int, wg *sync.WaitGroup) {
	defer wg.Done()
	from.mu.Lock()
	defer from.mu.Unlock()
	to.mu.Lock()
	defer to.mu.Unlock()
	from.balance -= amount
	to.balance += amount
}

func main() {
	alice := &Account{name: "alice", balance: 100}
	bob := &Account{name: "bob", balance: 100}

	var wg sync.WaitGroup
	wg.Add(2)
	go transfer(alice, bob, 10, &wg)
	go transfer(bob, alice, 20, &wg)
	wg.Wait()

	fmt.Println(alice.name, alice.balance, bob.name, bob.balance)
}
