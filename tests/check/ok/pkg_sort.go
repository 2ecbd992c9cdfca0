package main

import (
	"fmt"
	"sort"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type person struct {
	name string
	age  int
}

func main() {
	xs := []int{3, 1, 2}
	sort.Ints(xs)
	ss := []string{"ccc", "a", "bb"}
	sort.Sort(byLen(ss))
	people := []person{{"a", 30}, {"b", 20}, {"c", 30}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].age < people[j].age })
	fl := []float64{2.5, -1, 0}
	sort.Float64s(fl)
	fmt.Println(xs, ss, people, fl, sort.SearchInts(xs, 2), sort.IntsAreSorted(xs))
	sort.Slice(xs, func(i, j int) bool { return xs[i] > xs[j] })
	sort.Sort(sort.Reverse(sort.StringSlice(ss)))
	fmt.Println(xs, ss)
}
