package main

import "fmt"

func main() {
	n := 255
	fmt.Printf("%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%#x|%o|%#o|%O|%b|%08b\n", n, n, n, n, n, n, n, n, n, n, n, n, n, 5)
	fmt.Printf("%d %d %x %X\n", -42, int8(-1), -255, uint8(200))
	fmt.Printf("%c|%q|%U|%#U|%c\n", 'A', 'A', 'A', '世', 0x4E16)
	fmt.Printf("%3c|%-3c|%x\n", 'z', 'z', "hi")
	fmt.Printf("%v %v %v %v\n", int64(1)<<40, uint64(1)<<63, byte(7), rune(8))
	fmt.Printf("%6.3d|%.0d|%.0d|%+.3d\n", 7, 0, 1, 5)
	fmt.Printf("%t %v %5t\n", true, false, true)
}
