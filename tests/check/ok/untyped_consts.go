package main

import "fmt"

const Big = 1 << 100
const Small = Big >> 98
const Pi = 3.14159
const Half = 1 / 2
const HalfF = 1 / 2.0
const Greeting = "hello, " + "world"
const Truth = 3 > 2 && "a" < "b"

func main() {
	var f float64 = Big / (1 << 99)
	var i int = Small
	var r rune = 'a' + 1
	var d float64 = Pi * 2
	fmt.Println(f, i, r, d, Half, HalfF, Greeting, Truth)
	x := 7 / 2
	y := 7 / 2.0
	fmt.Println(x, y)
}
