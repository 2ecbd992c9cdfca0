package main

import (
	"fmt"
	"time"
)

func process(items []string, i int) string { return items[i] }

func main() {
	items := []string{"a", "b"}
	fmt.Println("starting worker")
	go func() {
		fmt.Println(process(items, 0))
		fmt.Println(process(items, 5))
	}()
	time.Sleep(time.Second)
	fmt.Println("unreachable")
}
