package main

var a [3, 4]int

func main() {}
