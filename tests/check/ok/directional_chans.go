package main

import "fmt"

func gen(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			out <- i
		}
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for v := range in {
			out <- v * v
		}
		close(out)
	}()
	return out
}

func sink(out chan<- string, vals <-chan int) {
	for v := range vals {
		out <- fmt.Sprint(v)
	}
	close(out)
}

func main() {
	strs := make(chan string)
	go sink(strs, sq(gen(4)))
	for s := range strs {
		fmt.Print(s, " ")
	}
	fmt.Println()
	var bidir chan int = make(chan int, 1)
	var send chan<- int = bidir
	var recv <-chan int = bidir
	send <- 5
	v, ok := <-recv
	fmt.Println(v, ok, cap(send), len(recv))
}
