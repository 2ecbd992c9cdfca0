package main

import "fmt"

type Runner interface{ Run() }

type Thing struct{}

func main() {
	var v interface{} = Thing{}
	fmt.Println("asserting")
	r := v.(Runner)
	r.Run()
}
