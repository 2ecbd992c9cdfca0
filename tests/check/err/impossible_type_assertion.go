package main

import "fmt"

type Sayer interface{ Say() string }

type Dog struct{}

func (d *Dog) Say() string { return "woof" }

func main() {
	var s Sayer = &Dog{}
	d := s.(Dog)
	fmt.Println(d)
}
