package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	fmt.Println("start:", runtime.NumGoroutine())
	block := make(chan struct{})
	for i := 0; i < 5; i++ {
		go func() { <-block }()
	}
	fmt.Println("with 5 blocked:", runtime.NumGoroutine())
	close(block)
	time.Sleep(100 * time.Millisecond)
	fmt.Println("after release:", runtime.NumGoroutine())
}
