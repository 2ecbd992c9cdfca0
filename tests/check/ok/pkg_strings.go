package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "  Hello, Gophers  "
	t := strings.TrimSpace(s)
	fmt.Println(strings.ToUpper(t), strings.ToLower(t), strings.Contains(t, "Go"))
	fmt.Println(strings.Split("a,b,c", ","), strings.Fields(" a  b "), strings.Repeat("ab", 3))
	fmt.Println(strings.HasPrefix(t, "He"), strings.HasSuffix(t, "rs"), strings.Index(t, "o"))
	fmt.Println(strings.Replace("aaa", "a", "b", 2), strings.ReplaceAll("aaa", "a", "c"))
	var sb strings.Builder
	sb.WriteString("x")
	sb.WriteByte('y')
	sb.WriteRune('z')
	fmt.Fprintf(&sb, "%d", 1)
	fmt.Println(sb.String(), sb.Len(), strings.Join([]string{"p", "q"}, "+"))
	fmt.Println(strings.TrimPrefix(t, "Hello"), strings.Title("x"), strings.Count("cheese", "e"))
}
