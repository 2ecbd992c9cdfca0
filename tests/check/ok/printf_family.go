package main

import (
	"errors"
	"fmt"
)

func main() {
	s := fmt.Sprintf("%5d|%-5s|%05.2f|%x|%q|%v|%+v|%T|%%", 42, "ab", 3.14159, 255, "q", []int{1}, struct{ A int }{1}, 1.5)
	fmt.Println(s)
	fmt.Print("a", 1, 2, "b\n")
	e := fmt.Errorf("wrap: %w", errors.New("inner"))
	fmt.Println(e, fmt.Sprint(1, 2), fmt.Sprintln("x", 3))
	n, err := fmt.Printf("%c%U\n", 'G', 'G')
	fmt.Println(n, err)
}
