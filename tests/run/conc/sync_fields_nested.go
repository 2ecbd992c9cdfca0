package main

import (
	"fmt"
	"sync"
)

type Inner struct{ wg sync.WaitGroup }
type Bank struct {
	mu    sync.RWMutex
	inner Inner
	n     int
}

func use(b *Bank) {
	b.mu.Lock()
	b.n++
	b.mu.Unlock()
	b.inner.wg.Add(1)
	b.inner.wg.Done()
}

func main() {
	// sync fields get trace names at allocation (x.mu, y.inner.wg...); output unchanged
	x := new(Bank)
	var y = Bank{n: 1}
	z, w := &Bank{}, 3
	use(x)
	use(&y)
	use(z)
	fmt.Println(x.n, y.n, z.n, w)
}
