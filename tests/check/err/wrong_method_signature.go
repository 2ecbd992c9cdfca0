package main

import "fmt"

type Stringer interface{ String() string }

type T struct{}

func (T) String() int { return 1 }

func show(s Stringer) { fmt.Println(s.String()) }

func main() {
	show(T{})
}
