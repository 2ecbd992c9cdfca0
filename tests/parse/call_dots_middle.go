package main

func f(a ...int) {}

func main() {
	f(nil..., 1)
}
