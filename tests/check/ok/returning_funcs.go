package main

import (
	"errors"
	"fmt"
)

func makeStack() (push func(int), pop func() (int, error), size func() int) {
	var data []int
	push = func(v int) { data = append(data, v) }
	pop = func() (int, error) {
		if len(data) == 0 {
			return 0, errors.New("empty")
		}
		v := data[len(data)-1]
		data = data[:len(data)-1]
		return v, nil
	}
	size = func() int { return len(data) }
	return
}

func main() {
	push, pop, size := makeStack()
	push(1)
	push(2)
	v, err := pop()
	fmt.Println(v, err, size())
	_, _ = pop()
	_, err = pop()
	fmt.Println(err)
}
