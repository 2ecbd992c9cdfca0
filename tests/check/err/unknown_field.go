package main

import "fmt"

type Job struct {
	ID   int
	Data string
}

func main() {
	j := Job{ID: 1, Name: "x"}
	fmt.Println(j.Payload)
}
