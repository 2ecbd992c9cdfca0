package main

import (
	"fmt"
	"math/rand"
)

func main() {
	rand.Seed(1)
	n := rand.Intn(10)
	f := rand.Float64()
	p := rand.Perm(3)
	r := rand.New(rand.NewSource(42))
	rand.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
	fmt.Println(n >= 0 && n < 10, f >= 0 && f < 1, len(p), r.Intn(5) < 5, rand.Int63() >= 0)
}
