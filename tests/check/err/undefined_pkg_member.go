package main

import (
	"fmt"
	"time"
)

func main() {
	time.Sleeep(time.Second)
	fmt.Printline("done")
}
