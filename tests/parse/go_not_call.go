package main

import "fmt"

func main() {
	go fmt.Println
	defer (fmt.Println())
}
