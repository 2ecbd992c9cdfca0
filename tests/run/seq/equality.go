package main

import (
	"errors"
	"fmt"
)

type P struct {
	X, Y int
	Name string
}

type E struct{ msg string }

func (e E) Error() string { return e.msg }

func main() {
	fmt.Println(P{1, 2, "a"} == P{1, 2, "a"}, P{1, 2, "a"} == P{1, 2, "b"})
	var a, b interface{} = 1, 1
	var c interface{} = int64(1)
	fmt.Println(a == b, a == c)
	var e1 error = E{"x"}
	var e2 error = E{"x"}
	fmt.Println(e1 == e2, errors.New("x") == errors.New("x"))
	p1, p2 := &P{}, &P{}
	fmt.Println(p1 == p2, *p1 == *p2, p1 == p1)
	ch := make(chan int)
	ch2 := ch
	fmt.Println(ch == ch2, [2]string{"a", "b"} == [2]string{"a", "b"})
	var i1 interface{} = P{1, 1, ""}
	fmt.Println(i1 == P{1, 1, ""}, i1 != nil)
	var nilErr error
	var ptr *E
	fmt.Println(nilErr == nil, ptr == nil)
}
