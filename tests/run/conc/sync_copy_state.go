// sync_copy_state: copies of used sync values (go vet forbids them, Go
// runs them): a copy takes the state word at the copy, not the waiters,
// and lives on its own; a struct reset by assignment resets its mutex;
// many short-lived mutexes and wait groups, collected along the way.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type Box struct {
	mu sync.Mutex
	n  int
}

func main() {
	var mu sync.Mutex
	mu.Lock()
	cp := mu
	fmt.Println("copy of a locked mutex: TryLock", cp.TryLock())
	mu.Unlock()
	fmt.Println("original unlocked: copy TryLock", cp.TryLock())
	fmt.Println("original TryLock", mu.TryLock())
	mu.Unlock()

	var m2 sync.Mutex
	m2.Lock()
	m2.Unlock()
	c2 := m2
	m2.Lock()
	fmt.Println("copy of an unlocked mutex, original locked: copy TryLock", c2.TryLock())

	var wg sync.WaitGroup
	wg.Add(2)
	wg2 := wg
	wg.Done()
	wg.Done()
	wg.Wait()
	wg2.Done()
	wg2.Done()
	wg2.Wait()
	fmt.Println("both wait groups done")

	var once sync.Once
	once.Do(func() { fmt.Println("once") })
	o2 := once
	o2.Do(func() { fmt.Println("again: wrong") })
	var fresh sync.Once
	o3 := fresh
	o3.Do(func() { fmt.Println("a copy of an unused Once runs") })

	b := &Box{}
	b.mu.Lock()
	b.n = 5
	saved := *b
	*b = Box{}
	fmt.Println("reset box: TryLock", b.mu.TryLock(), b.n)
	fmt.Println("saved copy: TryLock", saved.mu.TryLock(), saved.n)

	boxes := []Box{{}, {}, {}}
	boxes[1].mu.Lock()
	for i, bx := range boxes {
		fmt.Println("range copy", i, "TryLock", bx.mu.TryLock())
	}

	total := 0
	for i := 0; i < 20000; i++ {
		var m sync.Mutex
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			m.Lock()
			total++
			m.Unlock()
			wg.Done()
		}()
		wg.Wait()
		if i%5000 == 0 {
			runtime.GC()
		}
	}
	fmt.Println("total", total)
}
