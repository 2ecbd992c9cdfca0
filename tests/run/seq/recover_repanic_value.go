package main

import (
	"errors"
	"fmt"
)

func level3() { panic(errors.New("deep")) }

func level2() {
	defer func() {
		if r := recover(); r != nil {
			panic(fmt.Errorf("level2: %v", r))
		}
	}()
	level3()
}

func level1() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	level2()
	return nil
}

func main() {
	fmt.Println("got:", level1())
}
