package main

import "fmt"

func main() {
	const N = 100
	composite := make([]bool, N+1)
	var primes []int
	for i := 2; i <= N; i++ {
		if composite[i] {
			continue
		}
		primes = append(primes, i)
		for j := i * i; j <= N; j += i {
			composite[j] = true
		}
	}
	fmt.Println(len(primes), primes)
}
