package main

import "fmt"

var (
	total   int
	names   = []string{"a", "b"}
	lookup  = buildLookup()
	derived = len(names) * 10
)

func buildLookup() map[string]int {
	m := map[string]int{}
	for i, n := range names {
		m[n] = i
	}
	return m
}

func init() {
	total = derived + 1
}

func main() {
	fmt.Println(total, lookup["b"], derived)
}
