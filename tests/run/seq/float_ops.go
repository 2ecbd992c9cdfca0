package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(1.0, 2.5, 1e6, 1e21, 1e-7, 123456789.0, 0.000001, 100.0)
	fmt.Println(float32(1)/3, 1.0/3, 2.0/3)
	zero := 0.0
	fmt.Println(1/zero, -1/zero, zero/zero == zero/zero)
	fmt.Println(math.Sqrt(2), math.Floor(-2.5), math.Round(2.5), math.Trunc(-2.7))
	f29 := 2.9
	fmt.Println(int(f29), int(-f29), float64(7)/2, math.Mod(7, 3))
	var f float64 = 3
	fmt.Println(f, f*1.5, -f, f/0.5)
	fmt.Println(math.Inf(-1), math.NaN(), math.Pi, math.E)
	fmt.Println(1e20, 1e21, 123456789012345678.0, 0.1+0.7)
}
