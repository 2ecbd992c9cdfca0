package main

import "fmt"

func main() {
	x := nil
	var n int = nil
	fmt.Println(x, n)
}
