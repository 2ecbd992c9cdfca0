package main

import (
	"fmt"
	"time"
)

func wait(d time.Duration) { time.Sleep(d) }

func main() {
	wait("1s")
	fmt.Println("ok")
}
