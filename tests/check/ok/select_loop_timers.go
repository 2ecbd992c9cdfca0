package main

import (
	"fmt"
	"time"
)

func main() {
	data := make(chan int)
	quit := make(chan struct{})
	go func() {
		defer close(quit)
		for i := 0; i < 3; i++ {
			data <- i
		}
	}()
	timeout := time.After(time.Second)
	ticker := time.NewTicker(time.Millisecond)
	defer ticker.Stop()
loop:
	for {
		select {
		case v := <-data:
			fmt.Println("data", v)
		case <-ticker.C:
			continue loop
		case <-quit:
			break loop
		case <-timeout:
			fmt.Println("timeout")
			return
		}
	}
	fmt.Println("done")
}
