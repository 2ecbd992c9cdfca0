package main

import "fmt"

func main() {
	var d int64
	fmt.Println(7 % (d + 1))
	fmt.Println(7 % d)
}
