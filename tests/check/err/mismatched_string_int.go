package main

import "fmt"

func main() {
	name := "worker-"
	id := 7
	label := name + id
	fmt.Println(label)
}
