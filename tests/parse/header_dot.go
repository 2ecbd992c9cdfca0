package main
import x.y "fmt"
func main(){}
