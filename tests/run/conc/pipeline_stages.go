package main

import (
	"fmt"
	"strings"
)

func gen(words ...string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for _, w := range words {
			out <- w
		}
	}()
	return out
}

func upper(in <-chan string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for s := range in {
			out <- strings.ToUpper(s)
		}
	}()
	return out
}

func exclaim(in <-chan string) <-chan string {
	out := make(chan string, 2)
	go func() {
		defer close(out)
		for s := range in {
			out <- s + "!"
		}
	}()
	return out
}

func main() {
	for s := range exclaim(upper(gen("go", "routines", "are", "fun"))) {
		fmt.Println(s)
	}
}
