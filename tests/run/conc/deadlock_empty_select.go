package main

import "fmt"

func main() {
	ch := make(chan int)
	fmt.Println("main waits forever")
	go func() {
		select {
		case v := <-ch:
			_ = v
		}
	}()
	go func() { ch <- 1; ch <- 2 }()
	select {}
}
