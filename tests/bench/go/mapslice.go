// mapslice: maps, slices and strings together: build keys, count words,
// append and sort, join.
package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

const N = 200000

func main() {
	counts := make(map[string]int)
	var keys []string
	for i := 0; i < N; i++ {
		k := "w" + strconv.Itoa(i%5000)
		if _, ok := counts[k]; !ok {
			keys = append(keys, k)
		}
		counts[k] += i % 13
	}
	sort.Strings(keys)
	total := 0
	var sb strings.Builder
	for i, k := range keys {
		total += counts[k]
		if i < 5 {
			sb.WriteString(k)
			sb.WriteByte(',')
		}
	}
	xs := make([]int, 0)
	for i := 0; i < N; i++ {
		xs = append(xs, (i*7919)%N)
	}
	sort.Ints(xs)
	fmt.Println(len(keys), total, sb.String(), xs[N/2], strings.Repeat("ab", 3))
}
