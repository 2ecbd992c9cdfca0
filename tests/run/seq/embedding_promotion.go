package main

import "fmt"

type Base struct{ ID int }

func (b Base) Describe() string { return fmt.Sprintf("Base(%d)", b.ID) }
func (b *Base) SetID(id int)    { b.ID = id }

type Named struct{ Name string }

func (n Named) Describe() string { return "Named(" + n.Name + ")" }
func (n Named) Hello() string    { return "hello " + n.Name }

type Entity struct {
	Base
	*Named
	Extra string
}

func (e Entity) Describe() string {
	return "Entity[" + e.Base.Describe() + "," + e.Named.Describe() + "]"
}

type Describer interface{ Describe() string }

func main() {
	e := Entity{Base{1}, &Named{"n"}, "x"}
	e.SetID(5)
	fmt.Println(e.ID, e.Name, e.Hello(), e.Describe())
	var d Describer = e
	fmt.Println(d.Describe())
	d = e.Base
	fmt.Println(d.Describe())
	d = e.Named
	fmt.Println(d.Describe())
	fmt.Printf("%+v\n", e.Base)
	pe := &e
	pe.SetID(9)
	fmt.Println(e.Base.ID)
}
