package main

import "fmt"

func pair() (int, error) { return 1, nil }

func main() {
	v, err := pair()
	var unused string
	fmt.Println(v)
}
