package main

import (
	"fmt"
	"sync"
)

type Stats struct {
	mu    sync.Mutex
	count map[string]int
}

func (s *Stats) record(k string) {
	s.mu.Lock()
	s.count[k]++
	s.mu.Unlock()
}

func spawn(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

func main() {
	st := &Stats{count: make(map[string]int)}
	var wg sync.WaitGroup
	for _, k := range []string{"a", "b", "a"} {
		k := k
		spawn(&wg, func() { st.record(k) })
	}
	wg.Wait()
	fmt.Println(st.count["a"], st.count["b"])
}
