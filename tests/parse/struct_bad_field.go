package main

type T struct {
	a int
	1 b
}

func main() {}
