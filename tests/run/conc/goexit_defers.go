package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer fmt.Println("deferred call runs on Goexit")
		func() {
			defer fmt.Println("inner defer runs too")
			runtime.Goexit()
		}()
		fmt.Println("never printed")
	}()
	<-done
	runtime.Gosched()
	fmt.Println("main done")
}
