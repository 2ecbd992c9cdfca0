package main

import (
	"fmt"
	"strings"
)

type Middleware func(Handler) Handler
type Handler func(string) string

func chain(h Handler, ms ...Middleware) Handler {
	for i := len(ms) - 1; i >= 0; i-- {
		h = ms[i](h)
	}
	return h
}

func upper(next Handler) Handler {
	return func(s string) string { return strings.ToUpper(next(s)) }
}

func exclaim(next Handler) Handler {
	return func(s string) string { return next(s) + "!" }
}

func main() {
	h := chain(func(s string) string { return "hi " + s }, upper, exclaim)
	fmt.Println(h("bob"))
	var nilf func()
	fmt.Println(nilf == nil)
	ops := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	fmt.Println(ops["add"](2, 3), ops["mul"](2, 3))
}
