package main

func main() {
	x0 := 1 2
	x1 := 1 2
	x2 := 1 2
	x3 := 1 2
	x4 := 1 2
	x5 := 1 2
	x6 := 1 2
	x7 := 1 2
	x8 := 1 2
	x9 := 1 2
}
