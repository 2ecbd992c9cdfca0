// Go 1.19 loop variables: one variable per loop, shared by every iteration
// (closures, defers and &i all see the same one; Go 1.22 changed this).
package main

import (
	"fmt"
	"sort"
	"strings"
)

type point struct{ x, y int }

func forClause() {
	var fs []func()
	for i := 0; i < 3; i++ {
		fs = append(fs, func() { fmt.Print(i, " ") })
	}
	for _, f := range fs {
		f()
	}
	fmt.Println("(for clause)")
}

func rangeSlice() {
	var fs []func()
	for k, v := range []string{"a", "b", "c"} {
		fs = append(fs, func() { fmt.Print(k, v, " ") })
	}
	for _, f := range fs {
		f()
	}
	fmt.Println("(range slice)")
}

func rangeArrayStruct() {
	arr := [3]point{{1, 2}, {3, 4}, {5, 6}}
	var ps []*point
	var fs []func() int
	for _, p := range arr {
		ps = append(ps, &p)
		fs = append(fs, func() int { return p.x + p.y })
	}
	fmt.Println(ps[0] == ps[1], ps[1] == ps[2], *ps[0], fs[0](), fs[2]())
	p0 := ps[0]
	p0.x = 100
	fmt.Println(*ps[2], arr[2], fs[1]())
}

func addresses() {
	var ptrs []*int
	for i := 0; i < 3; i++ {
		ptrs = append(ptrs, &i)
	}
	fmt.Println(ptrs[0] == ptrs[1], ptrs[1] == ptrs[2], *ptrs[0], *ptrs[2])
	var vs []*string
	for _, s := range []string{"x", "y"} {
		vs = append(vs, &s)
	}
	fmt.Println(vs[0] == vs[1], *vs[0], *vs[1])
}

func nested() {
	var fs []func() string
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			fs = append(fs, func() string { return fmt.Sprint(i, j) })
		}
	}
	var out []string
	for _, f := range fs {
		out = append(out, f())
	}
	fmt.Println(strings.Join(out, " "), "(nested)")
}

func labelledContinue() {
	var fs []func() int
outer:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			if j == 1 {
				fs = append(fs, func() int { return i*10 + j })
				continue outer
			}
		}
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println("(labelled continue)")
}

func rangeMap() {
	m := map[string]int{"one": 1, "two": 2, "three": 3}
	var fs []func() string
	seen := []string{}
	for k, v := range m {
		seen = append(seen, fmt.Sprint(k, v))
		fs = append(fs, func() string { return fmt.Sprint(k, v) })
	}
	sort.Strings(seen)
	last := fs[len(fs)-1]()
	same := true
	for _, f := range fs {
		if f() != last {
			same = false
		}
	}
	fmt.Println(seen, "all closures see the last pair:", same)
}

func rangeString() {
	var fs []func() string
	for i, r := range "héllo" {
		fs = append(fs, func() string { return fmt.Sprintf("%d:%c", i, r) })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println("(range string)")
}

func rangeChannel() {
	ch := make(chan int, 3)
	ch <- 7
	ch <- 8
	ch <- 9
	close(ch)
	var fs []func() int
	for v := range ch {
		fs = append(fs, func() int { return v })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println("(range channel)")
}

func deferInLoop() {
	for i := 0; i < 3; i++ {
		defer func() { fmt.Print("defer sees ", i, "; ") }()
	}
	for i := 0; i < 3; i++ {
		defer func(n int) { fmt.Print("arg ", n, "; ") }(i)
	}
}

func assignInsideBody() {
	var fs []func() int
	for i := 0; i < 6; i++ {
		fs = append(fs, func() int { return i })
		i++ // the closures see this too
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println("(body assigns)")
}

func shadowedCopy() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		i := i // the classic fix: a fresh variable per iteration
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println("(i := i)")
}

func rangeExisting() {
	var v int
	var fs []func() int
	for _, v = range []int{4, 5, 6} {
		fs = append(fs, func() int { return v })
	}
	v = 42
	fmt.Println(fs[0](), fs[2](), "(range into an outer variable)")
}

func main() {
	forClause()
	rangeSlice()
	rangeArrayStruct()
	addresses()
	nested()
	labelledContinue()
	rangeMap()
	rangeString()
	rangeChannel()
	deferInLoop()
	fmt.Println()
	assignInsideBody()
	shadowedCopy()
	rangeExisting()
}
