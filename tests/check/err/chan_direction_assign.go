package main

func main() {
	ro := make(<-chan int)
	var bi chan int = ro
	var so chan<- int = ro
	_, _ = bi, so
}
