// Go 1.19 loop variables and goroutines: `go func() { ... i ... }()` in a
// loop shares the loop's one variable. The goroutines here wait until the
// loop has finished (a closed channel orders the loop's writes before their
// reads), so Go prints the same every run: all of them see the final value.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func collect(n int, start func(report func(string))) []string {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var got []string
	wg.Add(n)
	start(func(s string) {
		mu.Lock()
		got = append(got, s)
		mu.Unlock()
		wg.Done()
	})
	wg.Wait()
	sort.Strings(got)
	return got
}

func main() {
	// The tutorial's classic bug: every goroutine prints the final i.
	fmt.Println("shared i:", collect(3, func(report func(string)) {
		gate := make(chan struct{})
		for i := 0; i < 3; i++ {
			go func() {
				<-gate
				report(fmt.Sprint("i=", i))
			}()
		}
		close(gate)
	}))

	// The same with range: every goroutine sees the last element.
	fmt.Println("shared v:", collect(3, func(report func(string)) {
		gate := make(chan struct{})
		for k, v := range []string{"a", "b", "c"} {
			go func() {
				<-gate
				report(fmt.Sprint(k, v))
			}()
		}
		close(gate)
	}))

	// The fixes: pass it as an argument (evaluated at the go statement) ...
	fmt.Println("argument:", collect(3, func(report func(string)) {
		for i := 0; i < 3; i++ {
			go func(n int) { report(fmt.Sprint("n=", n)) }(i)
		}
	}))
	// ... or copy it in the body.
	fmt.Println("i := i:", collect(3, func(report func(string)) {
		for i := 0; i < 3; i++ {
			i := i
			go func() { report(fmt.Sprint("i=", i)) }()
		}
	}))

	// &i is the same pointer in every iteration.
	var mu sync.Mutex
	var wg sync.WaitGroup
	gate := make(chan struct{})
	var ptrs []*int
	for i := 0; i < 4; i++ {
		ptrs = append(ptrs, &i)
		wg.Add(1)
		go func(p *int) {
			defer wg.Done()
			<-gate
			mu.Lock()
			*p += 10
			mu.Unlock()
		}(&i)
	}
	close(gate)
	wg.Wait()
	fmt.Println("one variable:", ptrs[0] == ptrs[3], *ptrs[0])

	// Goroutines started after the loop: the channel carries each value.
	ch := make(chan int)
	done := make(chan []int)
	go func() {
		var vs []int
		for v := range ch {
			vs = append(vs, v)
		}
		done <- vs
	}()
	for i := 0; i < 3; i++ {
		ch <- i
	}
	close(ch)
	fmt.Println("sent values:", <-done)
}
