package main

import "fmt"

type Acc struct{ total int }

func (a *Acc) Add(n int) { a.total += n }
func (a Acc) Get() int   { return a.total }

func main() {
	a := &Acc{}
	add := a.Add
	add(3)
	add(4)
	get := (*Acc).Get
	addExpr := (*Acc).Add
	addExpr(a, 10)
	valGet := Acc.Get
	fmt.Println(a.Get(), get(a), valGet(*a))
	fs := []func(int){a.Add, a.Add}
	for _, f := range fs {
		f(1)
	}
	fmt.Println(a.total)
}
