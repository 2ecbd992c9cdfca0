package main

import (
	"fmt"
	"time"
)

func main() {
	a := make(chan int, 1)
	b := make(chan string)
	var nilch chan int
	a <- 1
	select {
	case v := <-a:
		fmt.Println("a", v)
	case s, ok := <-b:
		fmt.Println("b", s, ok)
	case <-nilch:
		fmt.Println("never")
	case <-time.After(time.Second):
		fmt.Println("timeout")
	}
	select {
	case b <- "x":
	default:
		fmt.Println("no receiver")
	}
	for {
		select {
		case a <- 2:
			continue
		default:
		}
		break
	}
	fmt.Println(<-a)
}
