package main

import (
	"errors"
	"fmt"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

func kind(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case bool:
		if x {
			return "true bool"
		}
		return "false bool"
	case int:
		return fmt.Sprintf("int %d", x+1)
	case float64, float32:
		return fmt.Sprintf("float %v", x)
	case string:
		return "string " + x
	case []int:
		return fmt.Sprintf("slice len %d", len(x))
	case error:
		return "error " + x.Error()
	case fmt.Stringer:
		return "stringer " + x.String()
	case func() int:
		return fmt.Sprint("func ", x())
	default:
		return fmt.Sprintf("unknown %T", x)
	}
}

func main() {
	vals := []interface{}{nil, true, 41, 2.5, float32(1.5), "s", []int{1, 2}, errors.New("e"), Celsius(21.5), func() int { return 7 }, map[int]int{}, struct{}{}}
	for _, v := range vals {
		fmt.Println(kind(v))
	}
}
