package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			m.Store(i, i*i)
			m.LoadOrStore("shared", i) // one goroutine wins; the value is not printed
		}(i)
	}
	wg.Wait()
	v, ok := m.Load(3)
	fmt.Println("load 3:", v, ok)
	v, ok = m.Load(42)
	fmt.Println("load 42:", v, ok)
	act, loaded := m.LoadOrStore(3, "x")
	fmt.Println("loadorstore 3:", act, loaded)
	act, loaded = m.LoadOrStore("new", "y")
	fmt.Println("loadorstore new:", act, loaded)
	v, loaded = m.LoadAndDelete(4)
	fmt.Println("loadanddelete 4:", v, loaded)
	v, loaded = m.LoadAndDelete(4)
	fmt.Println("loadanddelete 4 again:", v, loaded)
	m.Delete(5)
	m.Delete("missing")

	// Range order is unspecified: collect and sort.
	var keys []string
	m.Range(func(k, v any) bool {
		keys = append(keys, fmt.Sprint(k))
		return true
	})
	sort.Strings(keys)
	fmt.Println(len(keys), keys)

	// Range stops when f returns false; f may use the Map.
	n := 0
	m.Range(func(k, v any) bool {
		m.Delete(k)
		n++
		return n < 3
	})
	count := 0
	m.Range(func(k, v any) bool { count++; return true })
	fmt.Println("visited", n, "left", count)

	var zero sync.Map
	zero.Range(func(k, v any) bool { panic("empty") })
	_, ok = zero.Load("a")
	fmt.Println("zero map ok:", !ok)
}
