package main

import "fmt"

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			fmt.Println("pong", v)
			pong <- v + 1
		}
		close(pong)
	}()
	v := 0
	for i := 0; i < 5; i++ {
		ping <- v
		v = <-pong
		fmt.Println("ping got", v)
	}
	close(ping)
	_, ok := <-pong
	fmt.Println("pong closed:", !ok)
}
