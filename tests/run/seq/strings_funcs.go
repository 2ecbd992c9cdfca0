package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "The quick brown fox"
	fmt.Println(strings.Contains(s, "quick"), strings.ContainsRune(s, 'x'), strings.ContainsAny(s, "zq"))
	fmt.Println(strings.Index(s, "o"), strings.LastIndex(s, "o"), strings.IndexByte(s, 'q'), strings.IndexRune(s, 'b'), strings.Index(s, "zz"))
	fmt.Println(strings.Split(s, " "), len(strings.Split("", ",")), strings.SplitN("a,b,c", ",", 2))
	fmt.Printf("%q\n", strings.Fields("  a b\t c\n"))
	fmt.Println(strings.ToUpper(s), strings.ToLower("ÀB"), strings.Title("hello world"))
	fmt.Printf("%q %q %q\n", strings.TrimSpace("  x  "), strings.Trim("xxhixx", "x"), strings.TrimLeft("aab", "a"))
	fmt.Printf("%q %q %q\n", strings.TrimPrefix("prefix-x", "prefix-"), strings.TrimSuffix("x.go", ".go"), strings.TrimRight("abcc", "c"))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.ReplaceAll("oink oink", "oink", "moo"))
	fmt.Println(strings.Repeat("=", 5), strings.HasPrefix(s, "The"), strings.HasSuffix(s, "fox"))
	fmt.Println(strings.Join([]string{"a", "b", "c"}, ", "), strings.Count("cheese", "e"), strings.Count("five", ""))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.Compare("a", "b"), strings.Compare("b", "a"))
	var b strings.Builder
	b.WriteString("abc")
	b.WriteByte('-')
	b.WriteRune('é')
	fmt.Println(b.String(), b.Len())
	fmt.Println(strings.Map(func(r rune) rune {
		if r == 'o' {
			return '0'
		}
		return r
	}, s))
	fmt.Println(strings.TrimFunc("123abc456", func(r rune) bool { return r >= '0' && r <= '9' }))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
}
