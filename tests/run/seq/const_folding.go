package main

import (
	"fmt"
	"math"
)

const (
	Huge  = 1 << 100
	Ratio = Huge / (1 << 98)
	Third = 1.0 / 3
	Mask  = ^uint8(0)
	Neg   = -5 / 2
	Mod   = -5 % 3
	Str   = "ab" + "cd"
	L     = len(Str)
	F     = 'a' * 2
)

type Size int

const (
	Small Size = iota + 1
	Medium
	Large = Medium * 10
)

func main() {
	fmt.Println(Ratio, Third, Mask, Neg, Mod, Str, L, F)
	fmt.Println(Small, Medium, Large)
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxUint32, uint64(math.MaxUint64))
	var f32 float32 = 0.1
	var f64 float64 = 0.1
	fmt.Println(f32, f64, float64(f32) == f64, 0.1+0.2, 0.1+0.2 == 0.3)
	x := 0.1
	fmt.Println(x+0.2, x+0.2 == 0.3)
	fmt.Println(7/2, -7/2, 7%-2, 7.0/2, 1<<10, 0x10|0b1)
	var i8 int8 = 127
	i8++
	var u uint = 0
	u--
	fmt.Println(i8, u, uint16(70000-65536))
}
