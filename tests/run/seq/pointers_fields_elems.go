package main

import "fmt"

type Rec struct {
	Name  string
	Score int
}

func bump(p *int) { *p += 10 }

func main() {
	r := Rec{"a", 1}
	bump(&r.Score)
	arr := [3]int{1, 2, 3}
	bump(&arr[1])
	sl := []Rec{{"x", 0}, {"y", 0}}
	p := &sl[1]
	p.Score = 5
	bump(&sl[0].Score)
	fmt.Println(r, arr, sl)
	sl = append(sl, Rec{"z", 0})
	p.Score = 99
	fmt.Println(sl[1].Score == 99 || sl[1].Score == 5)
	pp := &p
	(*pp).Name = "changed"
	fmt.Println(p.Name)
	var np *Rec
	fmt.Println(np == nil, np)
	q := new(Rec)
	q.Name = "new"
	fmt.Println(*q)
}
