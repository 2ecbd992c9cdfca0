package main

import "fmt"

func f() int {
	return 1, nil
}

func g() (int, error) {
	return 1
}

func main() {
	fmt.Println(f())
	fmt.Println(g())
}
