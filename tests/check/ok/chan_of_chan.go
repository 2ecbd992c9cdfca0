package main

import "fmt"

type request struct {
	n     int
	reply chan int
}

func server(reqs <-chan request) {
	for r := range reqs {
		r.reply <- r.n * 2
	}
}

func main() {
	reqs := make(chan request)
	go server(reqs)
	replies := make(chan chan int, 2)
	for i := 1; i <= 2; i++ {
		rc := make(chan int, 1)
		replies <- rc
		go func(n int, rc chan int) { reqs <- request{n, rc} }(i, rc)
	}
	close(replies)
	for rc := range replies {
		fmt.Println(<-rc)
	}
	close(reqs)
}
