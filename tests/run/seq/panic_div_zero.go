package main

import "fmt"

func avg(total, count int) int { return total / count }

func main() {
	fmt.Println(avg(10, 2))
	fmt.Println(avg(10, 0))
}
