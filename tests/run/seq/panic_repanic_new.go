package main

import (
	"errors"
	"fmt"
)

func main() {
	defer func() {
		r := recover()
		panic(fmt.Sprintf("while handling %v: second", r))
	}()
	panic(errors.New("first"))
}
