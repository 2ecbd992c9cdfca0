package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	for i := 0; i < 4; i++ {
		select {
		case ch <- i:
			fmt.Println("sent", i)
		default:
			fmt.Println("buffer full, dropped", i)
		}
	}
	for i := 0; i < 3; i++ {
		select {
		case v := <-ch:
			fmt.Println("received", v)
		default:
			fmt.Println("nothing ready")
		}
	}
	unbuf := make(chan int)
	select {
	case unbuf <- 1:
		fmt.Println("impossible")
	default:
		fmt.Println("no receiver waiting")
	}
}
