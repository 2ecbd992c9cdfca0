package main

func main() {
	x := 1
	x = range 2
	for i := 0; i < 10; i++ else {
	}
}
