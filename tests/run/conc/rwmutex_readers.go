package main

import (
	"fmt"
	"sync"
)

type Store struct {
	mu   sync.RWMutex
	data map[string]int
}

func (s *Store) Get(k string) int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.data[k]
}

func (s *Store) Set(k string, v int) {
	s.mu.Lock()
	s.data[k] = v
	s.mu.Unlock()
}

func main() {
	s := &Store{data: map[string]int{}}
	s.Set("x", 1)
	var wg sync.WaitGroup
	sums := make([]int, 5)
	for r := 0; r < 5; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				sums[r] += s.Get("x")
			}
		}(r)
	}
	wg.Wait()
	fmt.Println(sums)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			s.Set(fmt.Sprint("k", w), w)
		}(w)
	}
	wg.Wait()
	fmt.Println(s.data)
	s.mu.RLock()
	s.mu.RLock()
	fmt.Println("two read locks held")
	s.mu.RUnlock()
	s.mu.RUnlock()
}
