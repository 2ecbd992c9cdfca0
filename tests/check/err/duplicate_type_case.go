package main

import "fmt"

func main() {
	var v interface{} = 1
	switch v.(type) {
	case int:
		fmt.Println("int")
	case string, int:
		fmt.Println("other")
	}
}
