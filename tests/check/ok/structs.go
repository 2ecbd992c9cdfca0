package main

import "fmt"

type Address struct {
	City string
	Zip  int
}

type Person struct {
	Name    string
	Age     int
	Addr    *Address
	Tags    []string
	private bool
}

func NewPerson(name string) *Person {
	return &Person{Name: name, Addr: &Address{City: "Paris"}}
}

func main() {
	p := NewPerson("ann")
	p.Age = 30
	p.Addr.Zip = 75000
	p.Tags = append(p.Tags, "x")
	q := *p
	q.Name = "bob"
	anon := struct {
		A int
		B string
	}{1, "b"}
	var empty struct{}
	fmt.Println(p.Name, q.Name, q.Addr.City, anon.A, anon.B, empty, p.private)
	pts := []struct{ X, Y int }{{1, 2}, {3, 4}}
	fmt.Println(pts, Address{"a", 1} == Address{"a", 1})
}
