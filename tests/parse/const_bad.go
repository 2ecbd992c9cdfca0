package main

const (
	a = iota
	b c
	"x"
)

func main() {}
