package main

import "fmt"

type Resource struct{ name string }

func (r *Resource) Close() { fmt.Println("closing", r.name) }

func open(name string) *Resource {
	fmt.Println("opening", name)
	return &Resource{name}
}

func process(names []string) {
	for _, n := range names {
		r := open(n)
		defer r.Close()
	}
	fmt.Println("processing done")
}

func method() {
	r := &Resource{"first"}
	defer r.Close()
	r = &Resource{"second"}
	_ = r
}

func main() {
	process([]string{"a", "b", "c"})
	method()
	func() {
		defer fmt.Println("inner deferred")
		fmt.Println("inner body")
	}()
	fmt.Println("end")
}
