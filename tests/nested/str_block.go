package main

import (
	"fmt"
	"time"
)

type Latest struct{ ch chan int }

// String blocks: it waits for a value another goroutine sends later.
func (l Latest) String() string {
	return fmt.Sprint("latest=", <-l.ch)
}

func main() {
	l := Latest{make(chan int)}
	go func() {
		time.Sleep(time.Millisecond)
		l.ch <- 7
	}()
	fmt.Println("value:", l)
	fmt.Println("end")
}
