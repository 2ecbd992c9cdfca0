package main

import (
	"fmt"
	"time"
)

type Priority uint8

const (
	Low Priority = iota * 10
	Mid
	High
)

const Timeout = 3 * time.Second
const Ratio float64 = 2.0 / 3
const Mask uint16 = 1<<16 - 1

func main() {
	var p Priority = High + 5
	d := Timeout / 2
	n := 10
	scaled := time.Duration(n) * time.Millisecond
	var f32 = float32(Ratio * 3)
	fmt.Println(p, d, scaled, f32, Mask, Low, Mid)
	var r rune = 'a' + 25
	var b byte = 'A' | 0x20
	fmt.Println(string(r), string(b))
}
