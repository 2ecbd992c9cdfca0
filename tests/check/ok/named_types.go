package main

import "fmt"

type ID int
type IDs []ID
type Handler func(string) string
type Registry map[string]Handler

func (ids IDs) Max() ID {
	m := ids[0]
	for _, id := range ids {
		if id > m {
			m = id
		}
	}
	return m
}

func (h Handler) Twice(s string) string { return h(h(s)) }

func main() {
	ids := IDs{3, 9, 2}
	r := Registry{"up": func(s string) string { return s + "!" }}
	var x ID = 5
	y := int(x) + 1
	fmt.Println(ids.Max(), r["up"].Twice("hi"), y, len(ids))
}
