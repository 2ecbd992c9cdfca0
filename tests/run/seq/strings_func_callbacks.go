// strings.Map and the TrimFunc/IndexFunc family: natives calling back into Go.
package main

import (
	"fmt"
	"strings"
)

func main() {
	rot := func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return 'a' + (r-'a'+13)%26
		}
		if r == ' ' {
			return -1
		}
		return r
	}
	fmt.Println(strings.Map(rot, "hello world, héllo"))
	isX := func(r rune) bool { return r == 'x' || r == 'é' }
	fmt.Printf("%q %q %q\n", strings.TrimFunc("xxéabcéxx", isX), strings.TrimLeftFunc("xxabcxx", isX), strings.TrimRightFunc("xxabcxé", isX))
	fmt.Println(strings.IndexFunc("abc1", func(r rune) bool { return r >= '0' && r <= '9' }), strings.IndexFunc("abc", isX), strings.TrimFunc("xxx", isX) == "")
}
