package main

import "fmt"

func main() {
	n := 3
	s := n.(string)
	fmt.Println(s)
}
