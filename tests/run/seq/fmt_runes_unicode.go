package main

import "fmt"

func main() {
	for _, r := range []rune{'a', 'é', '世', '😀', '\n', 0} {
		fmt.Printf("%c|%q|%U|%#U|%d|%x\n", r, r, r, r, r, r)
	}
	fmt.Printf("%q\n", "line\nbreak\x00\u00e9")
	fmt.Printf("%+q\n", "日本")
	fmt.Printf("%v %d\n", 'x', 'x')
	fmt.Println(string(rune(0x1F600)), len("😀"))
}
