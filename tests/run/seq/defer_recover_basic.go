package main

import (
	"errors"
	"fmt"
)

func safe(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprintf("recovered: %v", r)
		}
	}()
	f()
	return "no panic"
}

type custom struct{ code int }

func main() {
	fmt.Println(safe(func() {}))
	fmt.Println(safe(func() { panic("string value") }))
	fmt.Println(safe(func() { panic(42) }))
	fmt.Println(safe(func() { panic(errors.New("an error")) }))
	fmt.Println(safe(func() { panic(custom{7}) }))
	fmt.Println(safe(func() { panic(fmt.Sprintf("formatted %d", 9)) }))
	fmt.Println(safe(func() {
		var a []int
		_ = a[3]
	}))
	fmt.Println(safe(func() {
		var m map[string]int
		m["x"] = 1
	}))
	fmt.Println(safe(func() {
		z := 0
		fmt.Println(10 / z)
	}))
	fmt.Println(safe(func() {
		var i interface{} = "s"
		_ = i.(int)
	}))
	fmt.Println(safe(func() {
		var p *custom
		fmt.Println(p.code)
	}))
	fmt.Println(recover())
}
