package main

import (
	"fmt"
	"strings"
)

func banner(title string, width int) string {
	var b strings.Builder
	line := strings.Repeat("*", width)
	b.WriteString(line + "\n")
	pad := (width - 2 - len(title)) / 2
	b.WriteString("*" + strings.Repeat(" ", pad) + title + strings.Repeat(" ", width-2-pad-len(title)) + "*\n")
	b.WriteString(line)
	return b.String()
}

func isPalindrome(s string) bool {
	var rs []rune
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' {
			rs = append(rs, r)
		}
	}
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		if rs[i] != rs[j] {
			return false
		}
	}
	return true
}

func caesar(s string, k int) string {
	out := []byte(s)
	for i, c := range out {
		if c >= 'a' && c <= 'z' {
			out[i] = 'a' + (c-'a'+byte(k))%26
		}
	}
	return string(out)
}

func main() {
	fmt.Println(banner("goro", 12))
	fmt.Println(isPalindrome("A man, a plan, a canal: Panama"), isPalindrome("gopher"))
	fmt.Println(caesar("hello, world", 3), caesar(caesar("xyz", 3), 23))
	fields := strings.Split("name=ann;age=30;city=paris", ";")
	for _, f := range fields {
		kv := strings.SplitN(f, "=", 2)
		fmt.Printf("%s -> %q\n", kv[0], kv[1])
	}
}
