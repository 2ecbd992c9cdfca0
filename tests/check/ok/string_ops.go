package main

import "fmt"

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), s[0], s[1:3] == "é", reverse(s))
	for i := 0; i < 3; i++ {
		fmt.Print(s[i], " ")
	}
	fmt.Println()
	b := s[0]
	var c byte = 'A' + 2
	r := '世'
	fmt.Println(b, c, r, string(c), s > "a", "abc" < "abd")
	multi := `raw
string \n`
	fmt.Println(multi, len(multi))
}
