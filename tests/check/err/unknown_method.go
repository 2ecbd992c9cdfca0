package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Finish()
	var mu sync.Mutex
	mu.Acquire()
	fmt.Println("x")
}
