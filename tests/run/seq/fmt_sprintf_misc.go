package main

import (
	"fmt"
	"strings"
)

func main() {
	header := fmt.Sprintf("%-10s|%6s|%8s", "name", "qty", "price")
	fmt.Println(header)
	fmt.Println(strings.Repeat("-", len(header)))
	items := []struct {
		name  string
		qty   int
		price float64
	}{{"apple", 3, 1.25}, {"watermelon", 1, 4.5}, {"kiwi", 12, 0.333}}
	total := 0.0
	for _, it := range items {
		fmt.Printf("%-10s|%6d|%8.2f\n", it.name, it.qty, it.price*float64(it.qty))
		total += it.price * float64(it.qty)
	}
	fmt.Printf("%-10s|%6s|%8.2f\n", "total", "", total)
	fmt.Println(fmt.Sprintf("%03d-%02d", 7, 5), fmt.Sprint(), fmt.Sprintf("%%d"))
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "[%d]", i)
	}
	fmt.Println(sb.String())
	err := fmt.Errorf("code %d: %s", 404, "not found")
	fmt.Println(err.Error())
}
