package main

import "fmt"

func main() {
	n := 10
	fmt.Println(n[0])
	arr := [3]int{}
	fmt.Println(arr[5])
}
