package main

type I interface {
	m() int
	42
}

func main() {}
