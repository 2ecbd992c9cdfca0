package main

func main() {
	switch {
	case true:
	L:
	case false:
	}
}
