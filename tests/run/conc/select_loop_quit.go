package main

import "fmt"

func main() {
	data := make(chan int)
	quit := make(chan struct{})
	done := make(chan int)
	go func() {
		sum := 0
		for {
			select {
			case v := <-data:
				sum += v
			case <-quit:
				done <- sum
				return
			}
		}
	}()
	for i := 1; i <= 10; i++ {
		data <- i
	}
	close(quit)
	fmt.Println("sum", <-done)
}
