package main

import (
	"fmt"
	"time"
)

func main() {
	n := 3
	var d time.Duration = 100 * time.Millisecond
	total := d * n
	fmt.Println(total)
}
