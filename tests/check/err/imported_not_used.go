package main

import (
	"fmt"
	"os"
	"strings"
	"sync"
)

func main() {
	fmt.Println(strings.ToUpper("x"))
}
