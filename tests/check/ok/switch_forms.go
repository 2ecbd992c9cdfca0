package main

import "fmt"

func grade(n int) string {
	switch {
	case n >= 90:
		return "A"
	case n >= 80:
		return "B"
	}
	return "C"
}

func main() {
	for i := 0; i < 5; i++ {
		switch i {
		case 0:
			fmt.Println("zero")
		case 1, 2:
			fmt.Println("small")
			fallthrough
		case 3:
			fmt.Println("three-ish")
		default:
			fmt.Println("big")
		}
	}
	switch x := 5; x % 2 {
	case 0:
		fmt.Println("even")
	default:
		fmt.Println("odd")
	}
	fmt.Println(grade(95), grade(85), grade(10))
}
