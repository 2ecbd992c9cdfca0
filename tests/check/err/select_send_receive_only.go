package main

func pump(out <-chan int) {
	select {
	case out <- 1:
	default:
	}
}

func main() {
	pump(make(chan int))
}
