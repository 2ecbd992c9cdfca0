// explore test: never ends; every run stops at the step limit (exit 3).
package main

import "fmt"

func main() {
	fmt.Println("spinning")
	n := 0
	for {
		n++
	}
}
