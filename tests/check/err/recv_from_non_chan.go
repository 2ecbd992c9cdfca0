package main

import "fmt"

func main() {
	jobs := []int{1, 2}
	v := <-jobs
	jobs <- 3
	fmt.Println(v)
}
