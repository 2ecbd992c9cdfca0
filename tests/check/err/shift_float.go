package main

import "fmt"

func main() {
	f := 1.5
	fmt.Println(f << 2)
	n := 3
	fmt.Println(n << -1)
}
