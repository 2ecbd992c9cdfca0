package main

import "fmt"

func main() {
	m := map[string]int{}
	f := func() {}
	fmt.Println(m == m, f == f)
}
