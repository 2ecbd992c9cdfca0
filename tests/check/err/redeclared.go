package main

import "fmt"

func helper() {}

func helper() {}

type T int

var T = 3

func main() {
	fmt.Println("x")
}
