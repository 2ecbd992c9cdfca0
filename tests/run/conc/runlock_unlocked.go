package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	fmt.Println("read-unlocking without a read lock")
	rw.RUnlock()
}
