package main

import (
	"fmt"
	"time"
)

func main() {
	results := make(chan string)
	go func() {
		time.Sleep(50 * time.Millisecond)
		results <- "late result"
	}()
	close(results)
	fmt.Println("closed early")
	time.Sleep(500 * time.Millisecond)
	fmt.Println("unreachable")
}
