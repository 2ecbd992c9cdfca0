package main

import "fmt"

func divmod(a, b int) (int, int) { return a / b, a % b }

func main() {
	a, b, c := 1, 2, 3
	a, b, c = c, a, b
	fmt.Println(a, b, c)
	xs := []int{10, 20, 30}
	i := 0
	i, xs[i] = 1, 99
	fmt.Println(i, xs)
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	var x, y = divmod(9, 2)
	fmt.Println(x, y)
	m := map[string]int{}
	m["a"], m["b"] = divmod(7, 3)
	fmt.Println(m)
	_, only := divmod(8, 3)
	fmt.Println(only)
	j := 0
	arr := [3]int{}
	arr[j], j = 5, 2
	fmt.Println(arr, j)
}
