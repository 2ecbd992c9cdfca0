package main

import "fmt"

func main() {
	x := 1
	if x > 0 {
		break
	}
	continue
	fmt.Println(x)
}
