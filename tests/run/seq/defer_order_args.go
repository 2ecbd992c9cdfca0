package main

import "fmt"

func trace(name string) string {
	fmt.Println("enter", name)
	return name
}

func un(name string) { fmt.Println("leave", name) }

func a() {
	defer un(trace("a"))
	fmt.Println("in a")
}

func main() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("loop defer", i)
	}
	x := 1
	defer fmt.Println("x at defer time:", x)
	defer func() { fmt.Println("x in closure:", x) }()
	x = 2
	a()
	type T struct{ n int }
	t := T{1}
	defer fmt.Println("struct copy:", t)
	tp := &t
	defer func(p *T) { fmt.Println("via pointer:", p.n) }(tp)
	t.n = 5
	fmt.Println("main body done")
}
