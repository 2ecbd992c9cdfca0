package main

import "fmt"

func naturals(done <-chan struct{}) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; ; i++ {
			select {
			case out <- i:
			case <-done:
				return
			}
		}
	}()
	return out
}

func main() {
	done := make(chan struct{})
	nums := naturals(done)
	for i := 0; i < 5; i++ {
		fmt.Println(<-nums)
	}
	close(done)
	for range nums {
	}
	fmt.Println("generator stopped")
}
