// loop: a tight arithmetic loop, 10,000,000 iterations.
package main

import "fmt"

const N = 10000000

func main() {
	sum := 0
	for i := 0; i < N; i++ {
		sum += i * i % 7
	}
	fmt.Printf("sum = %d (n=%d)\n", sum, N)
}
