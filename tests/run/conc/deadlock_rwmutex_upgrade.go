package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	rw.RLock()
	fmt.Println("holding read lock, trying to upgrade")
	rw.Lock()
	fmt.Println("unreachable")
}
