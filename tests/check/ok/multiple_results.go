package main

import (
	"errors"
	"fmt"
)

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func find(xs []string, s string) (int, error) {
	for i, x := range xs {
		if x == s {
			return i, nil
		}
	}
	return -1, errors.New("not found")
}

func swap(a, b string) (string, string) { return b, a }

func main() {
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	if i, err := find([]string{"a", "b"}, "b"); err == nil {
		fmt.Println("found at", i)
	}
	_, err := find(nil, "z")
	fmt.Println(err)
	x, y := swap("1", "2")
	fmt.Println(x, y)
	fmt.Println(divmod(9, 4))
}
