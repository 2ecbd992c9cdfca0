package main

import "fmt"

func main() {
	fmt.Printf("%d\n", "x")
	fmt.Printf("%s\n", 42)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%z\n", 3)
	fmt.Printf("%!\n")
	fmt.Printf("100%\n")
	fmt.Printf("%t\n", 1)
	fmt.Printf("%d\n", nil)
	fmt.Printf("%s\n", nil)
	fmt.Printf("%x\n", true)
	fmt.Printf("no verbs\n", "extra", 7)
	fmt.Printf("%.2d\n", 3.5)
	fmt.Printf("%c\n", "s")
	fmt.Printf("%d %s\n", []int{1}, []int{2})
}
