// Correct: sync.Once publishes what its function initialised.
package main

import (
	"fmt"
	"sync"
)

var once sync.Once
var config map[string]string

func get() string {
	once.Do(func() {
		config = map[string]string{"mode": "fast"}
	})
	return config["mode"]
}

func main() {
	var wg sync.WaitGroup
	out := make([]string, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		k := i
		go func() {
			defer wg.Done()
			out[k] = get()
		}()
	}
	wg.Wait()
	fmt.Println(out)
}
