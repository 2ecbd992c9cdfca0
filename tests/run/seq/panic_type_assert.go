package main

import "fmt"

func main() {
	var v interface{} = "text"
	s := v.(string)
	fmt.Println(s)
	n := v.(int)
	fmt.Println(n)
}
