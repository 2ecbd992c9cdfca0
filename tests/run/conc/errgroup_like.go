package main

import (
	"errors"
	"fmt"
	"sync"
)

func run(tasks []func() error) error {
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for _, t := range tasks {
		wg.Add(1)
		go func(t func() error) {
			defer wg.Done()
			if err := t(); err != nil {
				once.Do(func() { first = err })
			}
		}(t)
	}
	wg.Wait()
	return first
}

func main() {
	ok := func() error { return nil }
	bad := func() error { return errors.New("task failed") }
	fmt.Println(run([]func() error{ok, ok, ok}))
	fmt.Println(run([]func() error{ok, bad, ok}))
}
