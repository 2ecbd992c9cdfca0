package main

import (
	"fmt"
	"sort"
)

func main() {
	m := map[string]int{"a": 1, "b": 2}
	m["c"] = 3
	delete(m, "a")
	v, ok := m["zz"]
	fmt.Println(v, ok, len(m))
	var nm map[string]bool
	fmt.Println(nm["x"], len(nm), nm == nil)
	counts := make(map[rune]int)
	for _, r := range "hello" {
		counts[r]++
	}
	keys := make([]string, 0)
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys, counts['l'])
	nested := map[string]map[string]int{"x": {"y": 1}}
	nested["x"]["z"] = 2
	type key struct{ a, b int }
	sm := map[key]string{{1, 2}: "p"}
	fmt.Println(len(nested["x"]), sm[key{1, 2}])
}
