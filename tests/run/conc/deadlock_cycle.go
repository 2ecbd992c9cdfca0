package main

import (
	"fmt"
	"sync"
)

func main() {
	a := make(chan int)
	b := make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		v := <-a
		b <- v
	}()
	go func() {
		defer wg.Done()
		v := <-b
		a <- v
	}()
	fmt.Println("two goroutines waiting on each other")
	wg.Wait()
}
