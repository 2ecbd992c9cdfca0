package main

import (
	"fmt"
	"time"
)

func main() {
	block := make(chan int)
	for i := 0; i < 3; i++ {
		go func() { <-block }()
	}
	time.Sleep(10 * time.Millisecond)
	panic(fmt.Sprintf("main gives up with %d waiters", 3))
}
