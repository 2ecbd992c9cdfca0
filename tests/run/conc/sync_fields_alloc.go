package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func deposit(a *Account, n int) {
	a.mu.Lock()
	a.balance += n
	a.mu.Unlock()
}

func main() {
	accounts := []Account{{balance: 1}, {balance: 2}}
	var arr [2]Account
	var single Account
	deposit(&accounts[1], 5)
	deposit(&arr[0], 1)
	deposit(&single, 1)
	fmt.Println(accounts[1].balance, arr[0].balance, single.balance)
}
