package main

import (
	"fmt"
	"strings"
)

type Stack struct{ items []string }

func (s *Stack) Push(v string) { s.items = append(s.items, v) }
func (s *Stack) Pop() (string, bool) {
	if len(s.items) == 0 {
		return "", false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

type Tree struct {
	Left, Right *Tree
	Key         int
}

func (t *Tree) Insert(k int) *Tree {
	if t == nil {
		return &Tree{Key: k}
	}
	if k < t.Key {
		t.Left = t.Left.Insert(k)
	} else {
		t.Right = t.Right.Insert(k)
	}
	return t
}

func (t *Tree) InOrder(visit func(int)) {
	if t == nil {
		return
	}
	t.Left.InOrder(visit)
	visit(t.Key)
	t.Right.InOrder(visit)
}

func balanced(s string) bool {
	pairs := map[rune]rune{')': '(', ']': '[', '}': '{'}
	var st []rune
	for _, c := range s {
		switch c {
		case '(', '[', '{':
			st = append(st, c)
		case ')', ']', '}':
			if len(st) == 0 || st[len(st)-1] != pairs[c] {
				return false
			}
			st = st[:len(st)-1]
		}
	}
	return len(st) == 0
}

func main() {
	var s Stack
	for _, w := range strings.Fields("a b c") {
		s.Push(w)
	}
	for {
		v, ok := s.Pop()
		if !ok {
			break
		}
		fmt.Print(v)
	}
	fmt.Println()
	var root *Tree
	for _, k := range []int{5, 3, 8, 1, 4, 9} {
		root = root.Insert(k)
	}
	var keys []int
	root.InOrder(func(k int) { keys = append(keys, k) })
	fmt.Println(keys)
	fmt.Println(balanced("{[()]}"), balanced("([)]"), balanced("(("))
}
