package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(20 * time.Millisecond)
	defer ticker.Stop()
	for i := 1; i <= 4; i++ {
		<-ticker.C
		fmt.Println("tick", i)
	}
	tick := time.Tick(10 * time.Millisecond)
	n := 0
	for range tick {
		n++
		if n == 3 {
			break
		}
	}
	fmt.Println("time.Tick ticks:", n)
}
