package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan string)
	go func() {
		for v := range a {
			_ = v
		}
	}()
	a <- 1
	fmt.Println("main selects on channels nobody uses any more")
	select {
	case v := <-a:
		fmt.Println(v)
	case b <- "x":
	}
}
