package main

import (
	"fmt"
	"sort"
	"strings"
)

type Words []string
type Histogram map[string]int
type Temps [7]float64

func (w Words) Join() string { return strings.Join(w, " ") }
func (w *Words) Add(s string) { *w = append(*w, s) }
func (h Histogram) Top() string {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return h[keys[i]] > h[keys[j]] || h[keys[i]] == h[keys[j]] && keys[i] < keys[j] })
	if len(keys) == 0 {
		return ""
	}
	return keys[0]
}
func (t Temps) Mean() float64 {
	s := 0.0
	for _, v := range t {
		s += v
	}
	return s / float64(len(t))
}

func main() {
	var w Words
	w.Add("hello")
	w.Add("world")
	h := Histogram{"a": 2, "b": 3}
	t := Temps{1, 2, 3, 4, 5, 6, 7}
	fmt.Println(w.Join(), h.Top(), t.Mean())
}
