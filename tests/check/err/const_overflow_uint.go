package main

import "fmt"

const Big = 1 << 40

func main() {
	var u uint32 = Big
	var neg uint = -1
	fmt.Println(u, neg)
}
