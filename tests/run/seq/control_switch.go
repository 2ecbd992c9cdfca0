package main

import "fmt"

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n%2 == 0:
		return "even"
	default:
		return "odd"
	}
}

func main() {
	for _, n := range []int{-3, 0, 4, 7} {
		fmt.Println(n, classify(n))
	}
	for i := 0; i < 4; i++ {
		switch i {
		case 0:
			fmt.Print("zero ")
			fallthrough
		case 1:
			fmt.Print("one-or-fell ")
		case 2, 3:
			if i == 3 {
				fmt.Print("three-break ")
				break
			}
			fmt.Print("two ")
		}
	}
	fmt.Println()
	switch s := "go"; s + "lang" {
	case "golang":
		fmt.Println("matched", s)
	}
	switch x := interface{}(3.0).(type) {
	case int:
		fmt.Println("int", x)
	case float64:
		fmt.Println("float64", x)
	}
}
