package main

func main() {
	var func int
	type := 3
}
