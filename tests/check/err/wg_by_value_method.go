package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add()
	wg.Done(1)
	var mu sync.Mutex
	mu.Lock(true)
	fmt.Println("x")
}
