package main

import "fmt"

type Point struct{ X, Y int }

func (p Point) Sum() int { return p.X + p.Y }

func (p *Point) Scale(k int) {
	p.X *= k
	p.Y *= k
}

type Counter int

func (c *Counter) Inc()         { *c++ }
func (c Counter) String() string { return fmt.Sprintf("Counter(%d)", int(c)) }

func main() {
	p := Point{1, 2}
	p.Scale(3)
	pp := &p
	fmt.Println(p.Sum(), pp.Sum())
	pp.Scale(2)
	var c Counter
	c.Inc()
	c.Inc()
	fmt.Println(c, p)
}
