package main

import "fmt"

func main() {
	str := "hello"
	lo, hi := 4, 2
	fmt.Println(str[lo:])
	fmt.Println(str[lo:hi])
}
