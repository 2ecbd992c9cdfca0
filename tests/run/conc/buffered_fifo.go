package main

import "fmt"

func main() {
	ch := make(chan string, 3)
	fmt.Println(len(ch), cap(ch))
	ch <- "a"
	ch <- "b"
	ch <- "c"
	fmt.Println(len(ch), cap(ch))
	done := make(chan bool)
	go func() {
		for i := 0; i < 5; i++ {
			fmt.Println("recv", <-ch)
		}
		done <- true
	}()
	ch <- "d"
	ch <- "e"
	<-done
	fmt.Println(len(ch))
}
