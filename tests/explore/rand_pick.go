// explore test: the output depends only on math/rand, seeded from the run's seed.
package main

import (
	"fmt"
	"math/rand"
)

func main() {
	fmt.Println("picking")
	switch rand.Intn(3) {
	case 0:
		fmt.Println("picked: red")
	case 1:
		fmt.Println("picked: green")
	default:
		fmt.Println("picked: blue")
	}
	fmt.Println("done")
}
