package main

import (
	"fmt"
	"runtime"
)

type T int

// String yields: fmt calls it from inside Println, where goro-viz cannot
// switch goroutines, so the Gosched is a no-op there (Go may switch).
func (t T) String() string {
	runtime.Gosched()
	return fmt.Sprintf("T(%d)", int(t))
}

func main() {
	fmt.Println("main:", T(1))
	done := make(chan bool)
	go func() {
		fmt.Println("worker:", T(2))
		done <- true
	}()
	<-done
}
