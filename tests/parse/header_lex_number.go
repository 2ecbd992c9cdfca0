package main

import (
	"fmt"0x
	"os"
)

func main() { fmt.Println(os.Args) }
