package main

import (
	"fmt"
	"time"
)

func main() {
	out := make(chan string, 3)
	for _, d := range []int{300, 100, 200} {
		go func(ms int) {
			time.Sleep(time.Duration(ms) * time.Millisecond)
			out <- fmt.Sprintf("slept %dms", ms)
		}(d)
	}
	for i := 0; i < 3; i++ {
		fmt.Println(<-out)
	}
}
