package main

import "fmt"

func makeAcc() (func(int), func() int) {
	total := 0
	return func(n int) { total += n }, func() int { return total }
}

func main() {
	x := 1
	inc := func() { x++ }
	inc()
	inc()
	fmt.Println(x)
	add, get := makeAcc()
	add(5)
	add(7)
	fmt.Println(get())
	var funcs []func() int
	for i := 0; i < 3; i++ {
		j := i
		funcs = append(funcs, func() int { return j * 10 })
	}
	shared := 0
	var sharers []func() int
	for k := 0; k < 3; k++ {
		sharers = append(sharers, func() int { shared++; return shared })
	}
	for idx, f := range funcs {
		fmt.Print(f(), sharers[idx](), " ")
	}
	fmt.Println(shared)
	y := 10
	defer func() { fmt.Println("deferred sees", y) }()
	y = 20
}
