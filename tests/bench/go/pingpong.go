// pingpong: two goroutines pass an int back and forth over two unbuffered
// channels, 1,000,000 round trips (one send on ping + one send on pong).
// Figure: wall time / round trips (goal <= 150 ns trace off, <= 300 on).
package main

import "fmt"

func main() {
	const n = 1000000
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	x := 0
	for i := 0; i < n; i++ {
		ping <- x
		x = <-pong
	}
	close(ping)
	<-pong
	if x != n {
		panic("bad count")
	}
	fmt.Println("roundtrips", n, "final", x)
}
