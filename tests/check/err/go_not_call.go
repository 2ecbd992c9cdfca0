package main

import "fmt"

func work() {}

func main() {
	go work
	defer fmt.Println
}
