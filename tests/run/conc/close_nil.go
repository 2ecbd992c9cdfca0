package main

import "fmt"

type Worker struct{ quit chan bool }

func main() {
	w := Worker{}
	fmt.Println("closing an uninitialised channel field")
	close(w.quit)
}
