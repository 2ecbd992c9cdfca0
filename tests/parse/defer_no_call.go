package main

func main() {
	defer recover
	go func() {}
}
