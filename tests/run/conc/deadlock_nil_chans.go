package main

import "fmt"

func main() {
	var in chan int
	var out chan string
	go func() { out <- "never" }()
	fmt.Println("receiving from a nil channel")
	<-in
}
