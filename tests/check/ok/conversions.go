package main

import "fmt"

type Celsius float64
type Name string

func main() {
	i := 65
	f := float64(i) / 3
	n := int(f)
	b := byte(300 % 256)
	r := rune(i)
	s := string(r)
	bs := []byte("abc")
	rs := []rune("héllo")
	back := string(bs) + string(rs)
	c := Celsius(36.6)
	nm := Name("gopher")
	u := uint8(255)
	u++
	var i64 int64 = int64(i) << 40
	fmt.Println(f, n, b, r, s, len(bs), len(rs), back, c, nm, u, i64, int32(i64>>40))
}
