package main

import "fmt"

func printAll(vals ...interface{}) {
	for _, v := range vals {
		fmt.Printf("%v:%T ", v, v)
	}
	fmt.Println()
}

func main() {
	var things []interface{}
	things = append(things, 1, "two", 3.0, true, nil, []int{4}, map[string]int{"k": 5}, struct{}{})
	printAll(things...)
	m := map[string]interface{}{"n": 1, "s": "x"}
	if n, ok := m["n"].(int); ok {
		fmt.Println(n + 1)
	}
	var i interface{}
	fmt.Println(i == nil, things[1] == "two")
}
