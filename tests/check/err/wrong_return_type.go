package main

import "fmt"

func name() string {
	return 42
}

func main() {
	fmt.Println(name())
}
