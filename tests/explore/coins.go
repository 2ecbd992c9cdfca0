// explore test: heads out of 20 fair coin flips: a binomial distribution for
// --group-by 'output~heads: ([0-9]+)' and --plot.
package main

import (
	"fmt"
	"math/rand"
)

func main() {
	heads := 0
	for i := 0; i < 20; i++ {
		if rand.Intn(2) == 1 {
			heads++
		}
	}
	fmt.Printf("flipped 20 coins\nheads: %d\n", heads)
}
