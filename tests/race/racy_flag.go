// Racy: a plain bool used as a "ready" flag publishes nothing.
package main

import (
	"fmt"
	"runtime"
)

var data int
var ready bool

func main() {
	go func() {
		data = 42
		ready = true
	}()
	for !ready {
		runtime.Gosched()
	}
	fmt.Println("done", data)
}
