package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu sync.Mutex
	n  int
}

func main() {
	var x any = &Account{n: 1}
	var y fmt.Stringer
	_ = y
	z := any(&Account{n: 2})
	a := x.(*Account)
	a.mu.Lock()
	a.mu.Unlock()
	fmt.Println(a.n, z.(*Account).n)
}
