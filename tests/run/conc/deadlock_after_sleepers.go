package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan bool)
	for i := 1; i <= 2; i++ {
		go func(i int) {
			time.Sleep(time.Duration(i) * 50 * time.Millisecond)
			fmt.Println("sleeper", i, "finished without signalling")
		}(i)
	}
	<-done
}
