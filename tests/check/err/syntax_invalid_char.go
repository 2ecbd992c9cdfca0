package main

import "fmt"

func main() {
	x := 3 # 4
	fmt.Println(x)
}
