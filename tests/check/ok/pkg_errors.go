package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type ValidationError struct{ Field string }

func (v ValidationError) Error() string { return "invalid " + v.Field }

func lookup(k string) error {
	if k == "" {
		return ValidationError{"key"}
	}
	return fmt.Errorf("lookup %q: %w", k, ErrNotFound)
}

func main() {
	err := lookup("x")
	fmt.Println(err, errors.Is(err, ErrNotFound), errors.Unwrap(err) == ErrNotFound)
	var ve ValidationError
	err2 := lookup("")
	fmt.Println(errors.As(err2, &ve), ve.Field)
}
