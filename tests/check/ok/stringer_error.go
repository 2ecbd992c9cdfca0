package main

import (
	"fmt"
	"strconv"
)

type Color int

const (
	Red Color = iota
	Green
)

func (c Color) String() string {
	switch c {
	case Red:
		return "Red"
	case Green:
		return "Green"
	}
	return "Color(" + strconv.Itoa(int(c)) + ")"
}

type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

func parse(s string) error {
	if s == "" {
		return &ParseError{1, "empty"}
	}
	return nil
}

func main() {
	fmt.Println(Red, Green, Color(7))
	fmt.Printf("%v %d %s\n", Green, Green, Red)
	if err := parse(""); err != nil {
		fmt.Println("error:", err)
	}
	var err error = parse("x")
	fmt.Println(err == nil)
}
