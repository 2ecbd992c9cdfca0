package main

import "fmt"

func main() {
	s := "Go世界!"
	fmt.Println(len(s), len([]rune(s)))
	for i, r := range s {
		fmt.Printf("%d:%c(%d) ", i, r, r)
	}
	fmt.Println()
	for i := 0; i < len(s); i++ {
		fmt.Printf("%x ", s[i])
	}
	fmt.Println()
	b := []byte(s)
	b[0] = 'g'
	fmt.Println(string(b), s)
	r := []rune(s)
	r[2] = 'W'
	fmt.Println(string(r), string(r[3]), string(rune(65)))
	bad := string([]byte{0xff, 'a'})
	for _, c := range bad {
		fmt.Print(c, " ")
	}
	fmt.Println(len(bad))
	fmt.Println(s[2:5], s[:2]+"!", "a"+"b" == "ab", s[len(s)-1] == '!')
	var sb []byte
	sb = append(sb, "hello"...)
	fmt.Println(string(sb[1:4]), sb[0])
}
