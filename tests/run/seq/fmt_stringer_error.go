package main

import (
	"errors"
	"fmt"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

type PtrStr struct{ name string }

func (p *PtrStr) String() string { return "ptr:" + p.name }

type MyErr struct{ code int }

func (e MyErr) Error() string { return fmt.Sprintf("err %d", e.code) }

type Both struct{}

func (Both) Error() string  { return "as error" }
func (Both) String() string { return "as string" }

func main() {
	t := Temp(21.55)
	fmt.Println(t, []Temp{1, 2})
	fmt.Printf("%v %s %d %.2f %q\n", t, t, t, t, t)
	v := PtrStr{"a"}
	fmt.Println(v, &v)
	fmt.Printf("%v %+v\n", v, &v)
	e := MyErr{7}
	fmt.Println(e, error(e))
	fmt.Printf("%v %s %d %q\n", e, e, e, e)
	fmt.Println(Both{})
	fmt.Println(errors.New("plain"), fmt.Errorf("wrapped: %w", e))
	m := map[Temp]MyErr{1: {1}}
	fmt.Println(m)
	fmt.Printf("%#v\n", t)
	fmt.Printf("%x\n", t)
}
