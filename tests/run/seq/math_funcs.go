package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Sqrt(144), math.Cbrt(27), math.Pow(2, 0.5), math.Pow(10, 3))
	fmt.Println(math.Abs(-7.5), math.Max(3, 7), math.Min(3, 7), math.Mod(10, 3))
	fmt.Println(math.Floor(1.7), math.Ceil(1.2), math.Round(-1.5), math.Trunc(9.99))
	fmt.Printf("%.4f %.4f %.4f\n", math.Sin(math.Pi/2), math.Cos(0), math.Log(math.E))
	fmt.Println(math.Log2(8), math.Log10(1000), math.Exp(0), math.Hypot(3, 4))
	fmt.Println(math.IsInf(math.Inf(1), 1), math.IsNaN(math.NaN()), math.Signbit(-0.0), math.Signbit(math.Copysign(0, -1)))
	fmt.Println(math.MaxInt8, math.MinInt8, math.MaxUint8, math.MaxInt16, math.MaxInt32)
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64)
}
