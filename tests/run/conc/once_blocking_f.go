package main

import (
	"fmt"
	"sync"
	"time"
)

var once sync.Once
var mu sync.Mutex
var config map[string]int

func load() {
	mu.Lock()
	defer mu.Unlock()
	time.Sleep(10 * time.Millisecond)
	ch := make(chan int)
	go func() { ch <- 42 }()
	config = map[string]int{"answer": <-ch}
}

func main() {
	var wg sync.WaitGroup
	results := make([]int, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			once.Do(load)
			results[i] = config["answer"]
		}(i)
	}
	wg.Wait()
	fmt.Println(results)
	var o2 sync.Once
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		o2.Do(func() { panic("boom") })
	}()
	o2.Do(func() { fmt.Println("not again") })
	fmt.Println("done")
}
