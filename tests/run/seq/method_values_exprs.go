package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Inc() int { c.n++; return c.n }
func (c Counter) Peek() int { return c.n }

func main() {
	c := Counter{}
	inc := c.Inc
	peek := c.Peek
	inc()
	inc()
	fmt.Println(c.n, peek(), c.Peek())
	f := (*Counter).Inc
	g := Counter.Peek
	f(&c)
	fmt.Println(g(c))
	fns := map[string]func() int{"inc": c.Inc, "peek": c.Peek}
	fns["inc"]()
	fmt.Println(fns["peek"](), c.n)
	type Op func(*Counter) int
	ops := []Op{(*Counter).Inc, (*Counter).Inc}
	for _, op := range ops {
		op(&c)
	}
	fmt.Println(c.n)
}
