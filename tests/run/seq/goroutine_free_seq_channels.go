package main

import "fmt"

func main() {
	ch := make(chan string, 3)
	ch <- "a"
	ch <- "b"
	fmt.Println(len(ch), cap(ch))
	fmt.Println(<-ch)
	ch <- "c"
	close(ch)
	v, ok := <-ch
	fmt.Println(v, ok)
	for s := range ch {
		fmt.Println("rest", s)
	}
	v, ok = <-ch
	fmt.Printf("%q %v\n", v, ok)
	select {
	case x, ok := <-ch:
		fmt.Println("closed channel ready:", x == "", ok)
	default:
		fmt.Println("default")
	}
	var nilCh chan int
	select {
	case nilCh <- 1:
		fmt.Println("never")
	default:
		fmt.Println("nil channel never ready")
	}
	done := make(chan struct{}, 1)
	done <- struct{}{}
	<-done
	fmt.Println("done")
}
