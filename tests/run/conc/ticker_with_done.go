package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(10 * time.Millisecond)
	done := make(chan bool)
	ticks := make(chan int)
	go func() {
		n := 0
		for {
			select {
			case <-done:
				ticks <- n
				return
			case <-ticker.C:
				n++
				if n == 5 {
					ticker.Stop()
					fmt.Println("ticker stopped after 5")
				}
			}
		}
	}()
	time.Sleep(300 * time.Millisecond)
	done <- true
	fmt.Println("ticks:", <-ticks)
}
