package main

import (
	"errors"
	"fmt"
)

var ErrEmpty = errors.New("empty input")

type OpError struct {
	Op  string
	Err error
}

func (e *OpError) Error() string { return e.Op + ": " + e.Err.Error() }
func (e *OpError) Unwrap() error { return e.Err }

func parse(s string) error {
	if s == "" {
		return &OpError{"parse", ErrEmpty}
	}
	return nil
}

func main() {
	err := parse("")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrEmpty), errors.Unwrap(err) == ErrEmpty)
	var oe *OpError
	fmt.Println(errors.As(err, &oe), oe.Op)
	wrapped := fmt.Errorf("load config: %w", err)
	fmt.Println(wrapped)
	fmt.Println(errors.Is(wrapped, ErrEmpty), errors.Is(wrapped, errors.New("empty input")))
	fmt.Println(errors.Unwrap(errors.Unwrap(wrapped)) == ErrEmpty, errors.Unwrap(ErrEmpty) == nil)
	noWrap := fmt.Errorf("no wrap: %v", err)
	fmt.Println(errors.Is(noWrap, ErrEmpty), parse("x") == nil)
}
