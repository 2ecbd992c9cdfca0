package main

import "fmt"

func main() {
	a, b := 0b1100, 0x0A
	fmt.Println(a&b, a|b, a^b, a&^b, a<<2, a>>1, ^a, -a, +a)
	var u uint8 = 0o17
	u <<= 4
	u |= 1
	u ^= 0xff
	fmt.Println(u, 1_000_000, 7%3, -7%3, -7/2)
	x := 5
	x += 3
	x -= 1
	x *= 2
	x /= 3
	x %= 3
	x &= 7
	x >>= 1
	fmt.Println(x)
}
