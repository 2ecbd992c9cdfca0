package main

import "fmt"

func main() {
	ch := make(chan string)
	ch <- "no receiver"
	fmt.Println("unreachable")
}
