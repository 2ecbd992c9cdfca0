package main

import "fmt"

type T struct {
	P *int
	E error
	I interface{}
	F func()
	C chan int
	M map[string]int
	S []int
}

func main() {
	var t T
	fmt.Printf("%v\n%+v\n", t, t)
	fmt.Println(t.P == nil, t.F == nil, t.C == nil, t.M == nil, t.S == nil)
	var ip *int
	fmt.Println(ip)
	fmt.Printf("%v %s %d\n", nil, nil, nil)
	fmt.Printf("%v %t\n", true && !false, false || true)
}
