package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	n, err := strconv.Atoi("123")
	_, err2 := strconv.Atoi("x1")
	f, _ := strconv.ParseFloat("2.5", 64)
	i, _ := strconv.ParseInt("-ff", 16, 64)
	b, _ := strconv.ParseBool("true")
	fmt.Println(n, err, err2, f, i, b)
	fmt.Println(strconv.Itoa(42)+"!", strconv.Quote("a\"b"), strconv.FormatInt(255, 2))
	fmt.Println(math.Sqrt(16), math.Floor(2.7), math.Ceil(2.1), math.Abs(-3), math.Max(1, 2), math.Min(1, 2))
	fmt.Println(math.Pow(2, 10), math.MaxInt64, math.Inf(1), math.IsNaN(math.NaN()), math.MaxInt32)
}
