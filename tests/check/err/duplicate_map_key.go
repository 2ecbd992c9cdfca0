package main

import "fmt"

type T struct{ X, Y int }

func main() {
	m := map[string]int{"a": 1, "b": 2, "a": 3}
	t := T{X: 1, X: 2}
	fmt.Println(m, t)
}
