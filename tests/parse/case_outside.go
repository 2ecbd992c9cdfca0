package main

func main() {
	x := 1
	switch x {
	foo()
	case 1:
	}
}
