package main

import "fmt"

type Inner struct{ N int }
type Outer struct {
	In   Inner
	Ptr  *Inner
	List []int
	Arr  [2]int
}

func modify(o Outer) {
	o.In.N = 100
	o.Ptr.N = 100
	o.List[0] = 100
	o.Arr[0] = 100
}

func main() {
	o := Outer{In: Inner{1}, Ptr: &Inner{2}, List: []int{3}, Arr: [2]int{4, 5}}
	c := o
	c.In.N = 9
	c.Arr[1] = 9
	modify(o)
	fmt.Println(o.In.N, o.Ptr.N, o.List[0], o.Arr, c.In.N, c.Arr)
	ps := []Outer{o}
	for _, x := range ps {
		x.In.N = 77
	}
	fmt.Println(ps[0].In.N)
	for i := range ps {
		ps[i].In.N = 77
	}
	fmt.Println(ps[0].In.N)
	m := map[string]Inner{"a": {1}}
	v := m["a"]
	v.N = 5
	fmt.Println(m["a"].N, v.N)
}
