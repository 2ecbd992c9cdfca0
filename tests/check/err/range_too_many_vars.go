package main

import "fmt"

func main() {
	ch := make(chan int)
	for i, v := range ch {
		fmt.Println(i, v)
	}
}
