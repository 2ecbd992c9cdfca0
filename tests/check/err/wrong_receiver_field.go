package main

import "fmt"

type Counter struct{ n int }

func (c Counter) Inc() { c.count++ }

func main() {
	var c Counter
	c.Inc()
	fmt.Println(c)
}
