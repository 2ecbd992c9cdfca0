package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	rw.RLock()
	wg.Add(1)
	go func() {
		defer wg.Done()
		rw.Lock() // waits for the reader forever
	}()
	wg.Wait()
	fmt.Println("unreachable")
}
