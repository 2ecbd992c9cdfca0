package main

import "fmt"

func consume(in <-chan int) {
	in <- 1
	fmt.Println(<-in)
}

func main() {
	ch := make(chan int)
	go consume(ch)
}
