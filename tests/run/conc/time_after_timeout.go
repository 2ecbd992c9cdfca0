package main

import (
	"fmt"
	"time"
)

func fetch(d time.Duration) <-chan string {
	c := make(chan string, 1)
	go func() {
		time.Sleep(d)
		c <- fmt.Sprintf("result after %v", d)
	}()
	return c
}

func main() {
	select {
	case r := <-fetch(20 * time.Millisecond):
		fmt.Println(r)
	case <-time.After(300 * time.Millisecond):
		fmt.Println("timeout 1")
	}
	select {
	case r := <-fetch(400 * time.Millisecond):
		fmt.Println(r)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("timeout 2")
	}
}
