package main

import (
	"fmt"
	"time"
)

func main() {
	secs := 1.5
	time.Sleep(secs * time.Second)
	var d time.Duration = 2.5
	fmt.Println(d)
}
