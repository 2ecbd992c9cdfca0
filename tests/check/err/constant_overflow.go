package main

import "fmt"

func main() {
	var b byte = 256
	var i8 int8 = -129
	x := 1 << 64
	fmt.Println(b, i8, x)
}
