package main

import (
	"fmt"
	"time"
)

func main() {
	requests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		requests <- i
	}
	close(requests)
	limiter := time.NewTicker(15 * time.Millisecond)
	defer limiter.Stop()
	for req := range requests {
		<-limiter.C
		fmt.Println("request", req)
	}
	burst := make(chan time.Time, 3)
	for i := 0; i < 3; i++ {
		burst <- time.Now()
	}
	for i := 0; i < 3; i++ {
		<-burst
		fmt.Println("burst request", i+1)
	}
}
