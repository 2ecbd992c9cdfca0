package main

func main() {
	c := make(chan int)
	select {
	c <- 1:
	}
}
