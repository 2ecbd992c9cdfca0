package main

import (
	"errors"
	"fmt"
)

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprint("code ", e.Code) }

func describe(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case string:
		return "string of length " + fmt.Sprint(len(x))
	case error:
		return "error: " + x.Error()
	case fmt.Stringer:
		return "stringer " + x.String()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	fmt.Println(describe(1), describe("abc"), describe(nil))
	fmt.Println(describe(errors.New("x")), describe(&MyErr{3}), describe(2.5))
	var v interface{} = "s"
	if s, ok := v.(string); ok {
		fmt.Println("is string", s)
	}
	_, ok := v.(int)
	fmt.Println(ok)
}
