package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func push(head **Node, v int) { *head = &Node{v, *head} }

func main() {
	var head *Node
	for i := 0; i < 3; i++ {
		push(&head, i)
	}
	for n := head; n != nil; n = n.Next {
		fmt.Print(n.Val, " ")
	}
	fmt.Println()
	x := 1
	p := &x
	*p += 5
	arr := []int{1, 2}
	q := &arr[1]
	*q = 9
	s := struct{ f int }{}
	r := &s.f
	*r = 4
	np := new(int)
	*np = 7
	fmt.Println(x, arr, s.f, *np, p == &x)
}
