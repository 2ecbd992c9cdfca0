package main

import "fmt"

func drain(out chan<- string) {
	for s := range out {
		fmt.Println(s)
	}
}

func main() {
	drain(make(chan string))
}
