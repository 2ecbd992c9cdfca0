package main

func main() {
	f(1,
