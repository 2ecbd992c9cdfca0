// ok_many: 10,000 goroutines alive at once, parked on one channel, then
// released; each writes its own slice element and reads a value main wrote
// before the go statements. No race. Go 1.19's race detector (tsan v3 on
// linux/amd64) has no limit on live goroutines (the old tsan died past 8128:
// "race: limit on 8128 simultaneously alive goroutines is exceeded, dying").
package main

import (
	"fmt"
	"sync"
)

func main() {
	const n = 10000
	start := make(chan struct{})
	res := make([]int, n)
	base := 7
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-start
			res[i] = base + i
		}(i)
	}
	close(start)
	wg.Wait()
	sum := 0
	for _, v := range res {
		sum += v
	}
	fmt.Println("goroutines", n, "sum", sum)
}
