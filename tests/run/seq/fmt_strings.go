package main

import "fmt"

func main() {
	s := "héllo"
	fmt.Printf("[%s][%10s][%-10s][%.2s][%q][%x][% x][%X]\n", s, s, s, s, s, "ab", "ab", "ab")
	fmt.Printf("[%q][%+q][%#q][%q]\n", "tab\there", "héllo", "raw`s", `a"b`)
	fmt.Printf("[%v][%s][%q]\n", []string{"a", "b"}, []string{"c"}, []string{"d", "e"})
	fmt.Printf("[%s][%v][%x]\n", []byte("bytes"), []byte("ab"), []byte("ab"))
	fmt.Printf("[%5.1s][%-5.3s|]\n", "xyz", "abcdef")
	fmt.Printf("[%q]\n", 'x')
	fmt.Printf("[%s]\n", "")
	fmt.Printf("[%x][%X]\n", "héllo", "\xff")
}
