package main

import "fmt"

func main() {
	const n = 5
	chans := make([]chan int, n)
	for i := range chans {
		chans[i] = make(chan int)
	}
	done := make(chan int)
	for i := 0; i < n; i++ {
		go func(id int) {
			for {
				tok := <-chans[id]
				if tok >= 12 {
					done <- id
					return
				}
				fmt.Printf("node %d passes token %d\n", id, tok)
				chans[(id+1)%n] <- tok + 1
			}
		}(i)
	}
	chans[0] <- 0
	fmt.Println("token stopped at node", <-done)
}
