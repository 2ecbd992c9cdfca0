package main

import "fmt"

func main() {
	var nilSlice []int
	empty := []int{}
	made := make([]int, 0)
	fmt.Println(nilSlice == nil, empty == nil, made == nil)
	fmt.Println(len(nilSlice), cap(nilSlice), nilSlice, empty)
	fmt.Printf("%v %v %#v %#v\n", nilSlice, empty, nilSlice, empty)
	nilSlice = append(nilSlice, 1)
	fmt.Println(nilSlice)
	var nilMap map[string]int
	fmt.Printf("%v %#v %d\n", nilMap, nilMap, len(nilMap))
	for range nilSlice[:0] {
		fmt.Println("never")
	}
	var s string
	fmt.Printf("%q %d %v\n", s, len(s), s == "")
	var e error
	var i interface{}
	fmt.Println(e == nil, i == nil, e, i)
	var p *int
	var ch chan int
	var fn func()
	fmt.Println(p == nil, ch == nil, fn == nil)
	fmt.Println(copy(make([]int, 2), nilSlice), len(append([]int(nil))))
}
