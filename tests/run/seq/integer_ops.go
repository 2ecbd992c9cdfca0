package main

import "fmt"

func main() {
	var a int32 = 1 << 30
	a *= 4
	var b uint8 = 200
	b += 100
	var c int64 = -9
	fmt.Println(a, b, c/2, c%2, c>>1, uint64(c)>>60)
	var d int16 = -32768
	d = -d
	fmt.Println(d)
	x := 0xdeadbeef
	fmt.Println(x&0xffff, x>>16, x^x, x&^0xff)
	n := 37
	bits := 0
	for m := n; m > 0; m >>= 1 {
		bits += m & 1
	}
	fmt.Println(bits, 1<<uint(3), -1>>10)
	m8, m1 := int8(-128), int8(-1)
	u31 := uint32(1 << 31)
	fmt.Println(m8/m1 == -128, u31*2, m8*m1)
}
