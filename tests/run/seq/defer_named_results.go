package main

import (
	"errors"
	"fmt"
)

func double() (n int) {
	defer func() { n *= 2 }()
	n = 3
	return n + 1
}

func withErr() (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("wrapped: %w", err)
		}
	}()
	return errors.New("inner")
}

func counter() (i int) {
	defer func() { i++ }()
	return 1
}

func unnamed() int {
	x := 1
	defer func() { x = 100 }()
	return x
}

func multi() (a, b string) {
	defer func() { a, b = b, a }()
	return "first", "second"
}

func main() {
	fmt.Println(double(), counter(), unnamed())
	fmt.Println(withErr())
	fmt.Println(multi())
}
