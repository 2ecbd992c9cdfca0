package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer fmt.Println("goexit runs defers")
		runtime.Goexit()
	}()
	<-done
	runtime.Gosched()
	fmt.Println(runtime.NumGoroutine() >= 1)
}
