package main

import (
	"fmt"
	"sync"
)

type Animal struct{ Name string }

func (a Animal) Speak() string { return a.Name + " makes a sound" }

type Dog struct {
	Animal
	Breed string
}

type SafeMap struct {
	sync.Mutex
	m map[string]int
}

func main() {
	d := Dog{Animal{"Rex"}, "lab"}
	fmt.Println(d.Speak(), d.Name, d.Animal.Name, d.Breed)
	sm := SafeMap{m: map[string]int{}}
	sm.Lock()
	sm.m["a"]++
	sm.Unlock()
	fmt.Println(sm.m["a"])
}
