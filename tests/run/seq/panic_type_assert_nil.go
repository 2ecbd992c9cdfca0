package main

import "fmt"

func main() {
	var v interface{}
	fmt.Println(v == nil)
	_ = v.(fmt.Stringer)
}
