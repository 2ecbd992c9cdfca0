package main

import "fmt"

func main() {
	fmt.Println(square(3))
}
