package main

import "fmt"

var s = "abc

func main() { fmt.Println(s) }
