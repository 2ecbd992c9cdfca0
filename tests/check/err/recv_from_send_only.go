package main

import "fmt"

func produce(out chan<- int) {
	out <- 1
	v := <-out
	fmt.Println(v)
}

func main() {
	go produce(make(chan int))
}
