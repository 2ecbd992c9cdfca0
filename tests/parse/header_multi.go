package main
import (
42
43
"x" "y"
)
func main(){}
