// fib: recursive Fibonacci, the classic call-heavy interpreter benchmark.
package main

import "fmt"

const N = 30

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	fmt.Printf("fib(%d) = %d\n", N, fib(N))
}
