package main

import "fmt"

type Point struct {
	X, Y int
}

type Line struct {
	A, B  Point
	Label string
	Tags  []string
	Meta  map[string]int
	Next  *Point
}

func main() {
	p := Point{1, 2}
	l := Line{A: p, B: Point{3, 4}, Label: "l1", Tags: []string{"x"}, Meta: map[string]int{"z": 1, "a": 2}}
	fmt.Printf("%v\n%+v\n", p, p)
	fmt.Printf("%#v\n", p)
	fmt.Printf("%v\n%+v\n", l, l)
	fmt.Printf("%#v\n", []int{1, 2})
	fmt.Printf("%#v %#v %#v %#v\n", "s", 42, 1.5, true)
	fmt.Printf("%#v\n", map[string]int{"b": 2, "a": 1})
	fmt.Printf("%v %+v\n", &p, &p)
	fmt.Printf("%v\n", []*int{nil})
	fmt.Printf("%v %v\n", [3]bool{true}, struct{}{})
	fmt.Printf("%v|%d|%s\n", []interface{}{1, "a", nil}, []int{1, 2}, []string{"a"})
	fmt.Printf("%T %T %T %T %T %T\n", p, &p, l.Tags, l.Meta, nil, struct{ A int }{})
	fmt.Printf("%T %T %T %T\n", 'x', 1.5, "s", func(int) string { return "" })
	fmt.Printf("%T %T\n", make(chan int), make(<-chan string))
	fmt.Printf("%x %X\n", []int{10, 255}, [2]int{10, 11})
	fmt.Printf("%5v|%-4v|\n", []int{1, 2}, p)
	fmt.Printf("%06.2f\n", []float64{1.5, 2})
	var ip *int
	var e error
	fmt.Printf("%v %v %+v %d\n", ip, e, nil, []int(nil))
}
