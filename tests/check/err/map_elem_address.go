package main

import "fmt"

type P struct{ X int }

func (p *P) Move() { p.X++ }

func main() {
	m := map[string]P{"a": {1}}
	m["a"].X = 2
	ptr := &m["a"]
	m["a"].Move()
	fmt.Println(m, ptr)
}
