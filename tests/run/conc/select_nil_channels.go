package main

import (
	"fmt"
	"sort"
)

func emit(vals ...int) <-chan int {
	c := make(chan int)
	go func() {
		for _, v := range vals {
			c <- v
		}
		close(c)
	}()
	return c
}

func main() {
	a := emit(1, 3, 5)
	b := emit(2, 4)
	var got []int
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			got = append(got, v)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			got = append(got, v)
		}
	}
	sort.Ints(got)
	fmt.Println(got)
	var never chan string
	select {
	case s := <-never:
		fmt.Println("impossible", s)
	case never <- "x":
		fmt.Println("impossible")
	default:
		fmt.Println("nil channels are never ready")
	}
}
