package main

import "fmt"

type Shape interface{ Area() float64 }
type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

func main() {
	var i interface{} = Sq{3}
	s := i.(Shape)
	fmt.Println(s.Area())
	sq, ok := i.(Sq)
	fmt.Println(sq, ok)
	p, ok := i.(*Sq)
	fmt.Println(p, ok)
	n, ok := i.(int)
	fmt.Println(n, ok)
	var nothing interface{}
	str, ok := nothing.(string)
	fmt.Printf("%q %v\n", str, ok)
	var sh Shape = Sq{2}
	if v, ok := sh.(interface{ Area() float64 }); ok {
		fmt.Println(v.Area())
	}
}
