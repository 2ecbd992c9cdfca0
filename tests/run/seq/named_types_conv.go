package main

import "fmt"

type Celsius float64
type Fahrenheit float64
type Meters int
type Names []string
type Lookup map[string]int

func CToF(c Celsius) Fahrenheit { return Fahrenheit(c*9/5 + 32) }

func (n Names) Len() int { return len(n) }

func (l Lookup) Get(k string) int { return l[k] }

func main() {
	c := Celsius(100)
	fmt.Println(CToF(c), CToF(-40), Celsius(37.5)+0.5)
	var m Meters = 5
	m *= 3
	fmt.Printf("%v %T %d\n", m, m, int(m)+1)
	n := Names{"a", "b"}
	plain := []string(n)
	plain[0] = "z"
	fmt.Println(n, n.Len(), Names(plain).Len())
	l := Lookup{"x": 1}
	fmt.Println(l.Get("x"), l.Get("y"), len(l))
	type Pair struct{ A, B int }
	type Other struct{ A, B int }
	p := Pair{1, 2}
	o := Other(p)
	fmt.Println(o, p == Pair(o))
}
