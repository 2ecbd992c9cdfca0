package main

import (
	"fmt"
	t "time"
)

func main() {
	fmt.Println("no time")
}
