package main

import "fmt"

func main() {
	s := "a"
	s++
	b := true
	b--
	fmt.Println(s, b)
}
