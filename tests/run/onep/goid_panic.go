// goid_panic: without a package that links os the program's first goroutine
// is 5 (Go: main 1, forcegc 2, bgsweep 3, bgscavenge 4); its panic names it.
package main

import "sync"

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { wg.Done() }()
	go func() {
		var m map[string]int
		m["x"] = 1
	}()
	wg.Wait()
}
