package main

import "fmt"

// A select case `v := expr` whose expression is not a receive: one error,
// the clause is skipped (v is not declared, x counts as unused only when
// nothing else uses it).
func used() {
	x := 1
	ch := make(chan int)
	fmt.Println(x)
	select {
	case v := x > 0:
		fmt.Println(v)
	case <-ch:
	}
}

func unused() {
	y := 1
	ch := make(chan int)
	select {
	case v, ok := y > 0:
		_, _ = v, ok
	case ch <- 1:
	}
}

func main() {
	used()
	unused()
}
