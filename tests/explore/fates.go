// explore/hunt test: one of four fates by math/rand: normal exit, panic,
// deadlock (a receive nobody can satisfy) or os.Exit(5).
package main

import (
	"fmt"
	"math/rand"
	"os"
)

func main() {
	n := rand.Intn(4)
	fmt.Println("fate", n)
	switch n {
	case 1:
		var a []int
		fmt.Println(a[n])
	case 2:
		ch := make(chan int)
		<-ch
	case 3:
		os.Exit(5)
	}
	fmt.Println("survived")
}
