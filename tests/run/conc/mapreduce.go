package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

func main() {
	docs := []string{"go is fun", "fun fun go", "channels in go", "is it fun"}
	partial := make(chan map[string]int)
	var wg sync.WaitGroup
	for _, d := range docs {
		wg.Add(1)
		go func(d string) {
			defer wg.Done()
			m := map[string]int{}
			for _, w := range strings.Fields(d) {
				m[w]++
			}
			partial <- m
		}(d)
	}
	go func() {
		wg.Wait()
		close(partial)
	}()
	total := map[string]int{}
	for m := range partial {
		for k, v := range m {
			total[k] += v
		}
	}
	keys := make([]string, 0, len(total))
	for k := range total {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s=%d ", k, total[k])
	}
	fmt.Println()
}
