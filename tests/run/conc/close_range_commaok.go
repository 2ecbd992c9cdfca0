package main

import "fmt"

func producer(n int) <-chan int {
	ch := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			ch <- i * 10
		}
		close(ch)
	}()
	return ch
}

func main() {
	sum := 0
	for v := range producer(4) {
		fmt.Println("got", v)
		sum += v
	}
	fmt.Println("sum", sum)
	ch := producer(2)
	for {
		v, ok := <-ch
		if !ok {
			fmt.Println("closed, zero value:", v)
			break
		}
		fmt.Println("value", v)
	}
	bc := make(chan int, 2)
	bc <- 1
	bc <- 2
	close(bc)
	a, ok1 := <-bc
	b, ok2 := <-bc
	c, ok3 := <-bc
	fmt.Println(a, ok1, b, ok2, c, ok3)
}
