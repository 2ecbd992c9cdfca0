package main

import (
	"context"
	"fmt"
	"sort"
	"sync"
)

func main() {
	root, cancelRoot := context.WithCancel(context.Background())
	a, cancelA := context.WithCancel(root)
	b, cancelB := context.WithCancel(root)
	a1, cancelA1 := context.WithCancel(a)
	defer cancelB()
	defer cancelA1()
	cancelA()
	fmt.Println("after cancel a:", root.Err(), a.Err(), b.Err(), a1.Err())
	var mu sync.Mutex
	var wg sync.WaitGroup
	var stopped []string
	for name, c := range map[string]context.Context{"b": b, "a1": a1, "root": root} {
		wg.Add(1)
		go func(name string, c context.Context) {
			defer wg.Done()
			<-c.Done()
			mu.Lock()
			stopped = append(stopped, name)
			mu.Unlock()
		}(name, c)
	}
	cancelRoot()
	wg.Wait()
	sort.Strings(stopped)
	fmt.Println("stopped:", stopped, b.Err())
}
