package main

import "fmt"

func main() {
	var count int
	count = "five"
	var s string = 5
	fmt.Println(count, s)
}
