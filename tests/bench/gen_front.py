#!/usr/bin/env python3
"""gen_front: write a valid Go program of about N lines (default 50,000) that
exercises the front end broadly: types, methods, closures, loops, switches,
channels, maps, constants. Usage: gen_front.py [N] > big.go"""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
out = ["package main", "", 'import (', '\t"fmt"', '\t"strings"', '\t"sync"', ')', ""]
out += ["const (", "\tKA = iota", "\tKB", "\tKC", ")", ""]
i = 0
while len(out) < n - 12:
    out += f"""type T{i} struct {{
	mu    sync.Mutex
	count int
	name  string
	vals  []float64
}}

func (t *T{i}) Add(d int) int {{
	t.mu.Lock()
	defer t.mu.Unlock()
	t.count += d * KB
	return t.count
}}

func (t *T{i}) Name() string {{ return strings.ToUpper(t.name) + fmt.Sprint(len(t.vals)) }}

func f{i}(xs []int, m map[string]int, ch chan<- int) (int, error) {{
	total := 0
	for k, x := range xs {{
		switch {{
		case x%3 == 0:
			total += x * k
		case x > 100:
			total -= x / 2
		default:
			total ^= x << 1
		}}
	}}
	if v, ok := m["k{i}"]; ok {{
		total += v
	}}
	add := func(a, b int) int {{ return a + b + total }}
	select {{
	case ch <- add(total, {i}):
	default:
	}}
	if total < 0 {{
		return 0, fmt.Errorf("negative %d in f{i}", total)
	}}
	return total, nil
}}
""".split("\n")
    i += 1
out += ["func main() {",
        "\tch := make(chan int, 1)",
        "\tt := &T0{name: \"x\"}",
        "\tv, err := f0([]int{1, 2, 3}, map[string]int{\"k0\": 1}, ch)",
        "\tfmt.Println(v, err, t.Add(1), t.Name())",
        "}"]
sys.stdout.write("\n".join(out) + "\n")
