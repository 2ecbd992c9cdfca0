// rwmutex_writers: Go's RWMutex lets writers compete through a sync.Mutex,
// so on one P a writer that unlocks and locks again barges past the writer
// it woke, while readers slip in between writers and wait behind an
// announced one.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	log := []string{}
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				rw.Lock()
				log = append(log, fmt.Sprintf("W%d.%d", w, i))
				runtime.Gosched()
				rw.Unlock()
			}
		}(w)
	}
	for r := 0; r < 2; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			for i := 0; i < 2; i++ {
				rw.RLock()
				log = append(log, fmt.Sprintf("R%d.%d", r, i))
				runtime.Gosched()
				rw.RUnlock()
			}
		}(r)
	}
	wg.Wait()
	fmt.Println(log)
}
