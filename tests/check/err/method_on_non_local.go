package main

import "fmt"

func (i int) Double() int { return i * 2 }

func main() {
	fmt.Println("x")
}
