package main

const (
	A = iota
	B
	C int = 1 +
)
