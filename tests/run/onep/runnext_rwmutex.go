// runnext_rwmutex: three writers and three readers on one RWMutex, on one
// P: the reader made last runs first; the writers then take turns through
// the lock, and the readers that waited go last.
package main

import (
	"fmt"
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
			for i := 0; i < 4; i++ {
				rw.Lock()
				log = append(log, fmt.Sprintf("W%d.%d", w, i))
				rw.Unlock()
			}
		}(w)
	}
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			for i := 0; i < 4; i++ {
				rw.RLock()
				log = append(log, fmt.Sprintf("R%d.%d", r, i))
				rw.RUnlock()
			}
		}(r)
	}
	wg.Wait()
	fmt.Println(log)
}
