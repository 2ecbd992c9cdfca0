package main

import (
	"errors"
	"fmt"
)

var level = "package"

func find(ok bool) (int, error) {
	if ok {
		return 1, nil
	}
	return 0, errors.New("nope")
}

func main() {
	fmt.Println(level)
	level := "main"
	fmt.Println(level)
	{
		level := "block"
		fmt.Println(level)
	}
	if level := 3; level > 2 {
		fmt.Println("if", level)
	}
	fmt.Println(level)
	var err error
	if n, err := find(false); err != nil {
		fmt.Println("inner err:", err, n)
	}
	fmt.Println("outer err:", err)
	n, err := find(true)
	fmt.Println(n, err)
	for level := 0; level < 2; level++ {
		fmt.Print(level)
	}
	fmt.Println(level)
	fmt := "shadowed package name"
	_ = fmt
}
