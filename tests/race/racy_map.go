// Racy: a goroutine writes a map while main reads it, unsynchronised
// (Go reports map operations as accesses to the map itself).
package main

import "fmt"

func main() {
	m := map[string]int{"a": 1}
	done := make(chan bool)
	go func() {
		m["b"] = 2
		done <- true
	}()
	n := m["a"]
	<-done
	fmt.Println("done", n)
}
