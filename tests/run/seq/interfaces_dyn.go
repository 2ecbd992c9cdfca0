package main

import "fmt"

type Animal interface{ Sound() string }
type Dog struct{ name string }
type Cat struct{ name string }

func (d Dog) Sound() string  { return d.name + ": woof" }
func (c *Cat) Sound() string { return c.name + ": meow" }

type Loud struct{ Animal }

func (l Loud) Sound() string { return l.Animal.Sound() + "!!!" }

func main() {
	zoo := []Animal{Dog{"rex"}, &Cat{"tom"}, Loud{Dog{"max"}}, &Dog{"ptr"}}
	for _, a := range zoo {
		fmt.Printf("%-12T %s\n", a, a.Sound())
	}
	var a Animal
	fmt.Println(a == nil)
	var c *Cat
	a = c
	fmt.Println(a == nil, a != nil)
	var e interface{} = Dog{"x"}
	_, isAnimal := e.(Animal)
	_, isCat := e.(*Cat)
	fmt.Println(isAnimal, isCat)
}
