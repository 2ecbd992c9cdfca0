package main

import (
	"fmt"
	"sync"
)

func main() {
	queue := make(chan int, 4)
	var prod, cons sync.WaitGroup
	var mu sync.Mutex
	consumed := map[int]int{}
	for p := 0; p < 3; p++ {
		prod.Add(1)
		go func(p int) {
			defer prod.Done()
			for i := 0; i < 5; i++ {
				queue <- p*100 + i
			}
		}(p)
	}
	for c := 0; c < 2; c++ {
		cons.Add(1)
		go func() {
			defer cons.Done()
			for v := range queue {
				mu.Lock()
				consumed[v/100]++
				mu.Unlock()
			}
		}()
	}
	prod.Wait()
	close(queue)
	cons.Wait()
	fmt.Println(consumed)
}
