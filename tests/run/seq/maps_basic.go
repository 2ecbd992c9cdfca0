package main

import (
	"fmt"
	"sort"
)

func main() {
	m := map[string]int{"one": 1, "two": 2, "three": 3}
	m2 := m
	m2["four"] = 4
	fmt.Println(len(m), m["four"])
	var nilMap map[string]int
	fmt.Println(nilMap["x"], len(nilMap), nilMap == nil)
	for k, v := range nilMap {
		fmt.Println(k, v)
	}
	v, ok := m["five"]
	fmt.Println(v, ok)
	if n, found := m["two"]; found {
		fmt.Println("two is", n)
	}
	delete(m, "one")
	delete(m, "missing")
	delete(nilMap, "x")
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys, m)
	counts := map[byte]int{}
	for i := 0; i < len("mississippi"); i++ {
		counts["mississippi"[i]]++
	}
	fmt.Println(counts)
}
