package main

import "fmt"

type List struct {
	Val  int
	Next List
}

func main() {
	fmt.Println(List{})
}
