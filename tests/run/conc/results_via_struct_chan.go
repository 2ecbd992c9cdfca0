package main

import (
	"errors"
	"fmt"
	"sort"
)

type result struct {
	id  int
	val string
	err error
}

func work(id int) result {
	if id%3 == 0 {
		return result{id: id, err: errors.New("divisible by three")}
	}
	return result{id: id, val: fmt.Sprintf("ok-%d", id)}
}

func main() {
	out := make(chan result)
	for i := 1; i <= 7; i++ {
		go func(i int) { out <- work(i) }(i)
	}
	rs := make([]result, 0, 7)
	for i := 0; i < 7; i++ {
		rs = append(rs, <-out)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].id < rs[j].id })
	for _, r := range rs {
		if r.err != nil {
			fmt.Printf("%d: error %v\n", r.id, r.err)
		} else {
			fmt.Printf("%d: %s\n", r.id, r.val)
		}
	}
}
