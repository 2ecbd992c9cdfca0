package main

import (
	"errors"
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer fmt.Println("goroutine's deferred call runs")
		panic(errors.New("worker failed")) // wg.Done never runs: main stays in wg.Wait
	}()
	wg.Wait()
	fmt.Println("unreachable")
}
