package main

import (
	"fmt"
	"sync"
)

func main() {
	var group sync.WaitGroup
	group.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("hi")
	}()
	group.Wait()
}
