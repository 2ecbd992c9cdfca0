package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer fmt.Println("main's deferred call runs")
	done := make(chan bool)
	go func() {
		fmt.Println("helper running")
		done <- true
	}()
	<-done
	runtime.Goexit()
}
