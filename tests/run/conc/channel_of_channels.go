package main

import "fmt"

type request struct {
	a, b  int
	reply chan int
}

func adder(reqs <-chan request) {
	for r := range reqs {
		r.reply <- r.a + r.b
	}
}

func main() {
	reqs := make(chan request)
	go adder(reqs)
	for i := 0; i < 4; i++ {
		r := request{i, i * 10, make(chan int)}
		reqs <- r
		fmt.Println(i, "+", i*10, "=", <-r.reply)
	}
	close(reqs)
	chans := make(chan chan string, 2)
	c1 := make(chan string, 1)
	c1 <- "through a channel of channels"
	chans <- c1
	fmt.Println(<-<-chans)
}
