package main

import "fmt"

type S struct{ v int }

func (s S) String() string { return fmt.Sprintf("S<%d>", s.v) }

func main() {
	fmt.Print("a", "b", 1, 2, "c", 3.5, 4, "\n")
	fmt.Print(1, 2, "\n")
	fmt.Print(S{1}, S{2}, "\n")
	fmt.Print(true, false, "\n")
	fmt.Println("a", "b", 1, 2)
	fmt.Println()
	s := fmt.Sprint("x", 1, 2, "y")
	t := fmt.Sprintln("x", 1, 2, "y")
	fmt.Printf("%q %q\n", s, t)
	fmt.Print(nil, nil, "\n")
	fmt.Print([]int{1}, []int{2}, "\n")
	n, err := fmt.Println("count me")
	fmt.Println(n, err)
}
