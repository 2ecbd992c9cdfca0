package main

import "fmt"

var x = 10

func f() int { return x }

func main() {
	x := 1
	{
		x := 2
		x++
		_ = x
	}
	if x := 5; x > 3 {
		fmt.Println("inner", x)
	} else if y := x * 2; y > 0 {
		fmt.Println(y)
	} else {
		fmt.Println(x, y)
	}
	fmt.Println(x, f())
	var err error
	if true {
		n, err := 3, fmt.Errorf("e")
		_, _ = n, err
	}
	fmt.Println(err)
}
