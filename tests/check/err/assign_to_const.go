package main

import "fmt"

const Max = 10

func main() {
	Max = 11
	s := "abc"
	s[0] = 'x'
	fmt.Println(Max, s)
}
