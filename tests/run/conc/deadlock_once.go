package main

import (
	"fmt"
	"sync"
)

func main() {
	var once sync.Once
	once.Do(func() {
		fmt.Println("in once")
		once.Do(func() {}) // Do inside its own f: deadlock
	})
}
