package main

import "fmt"

func main() {
	defer recover
	r := recover(1)
	fmt.Println(r)
}
