package main

import (
	"fmt"
	"sort"
)

func main() {
	m := map[int]string{}
	for i := 0; i < 20; i++ {
		m[i] = fmt.Sprint("v", i)
	}
	for k := range m {
		if k%2 == 1 {
			delete(m, k)
		}
	}
	keys := []int{}
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	fmt.Println(len(m), keys)
	for k := range m {
		delete(m, k)
	}
	fmt.Println(len(m), m)
}
