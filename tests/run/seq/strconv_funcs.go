package main

import (
	"fmt"
	"strconv"
)

func main() {
	n, err := strconv.Atoi("-42")
	fmt.Println(n, err)
	_, err = strconv.Atoi("4x2")
	fmt.Println(err)
	_, err = strconv.Atoi("99999999999999999999")
	fmt.Println(err)
	i, _ := strconv.ParseInt("ff", 16, 64)
	u, _ := strconv.ParseUint("777", 8, 64)
	f, _ := strconv.ParseFloat("1e3", 64)
	b, err := strconv.ParseBool("maybe")
	fmt.Println(i, u, f, b, err)
	fmt.Println(strconv.Itoa(123)+"4", strconv.FormatInt(-255, 16), strconv.FormatInt(5, 2))
	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.FormatFloat(1e21, 'g', -1, 64), strconv.FormatBool(true))
	fmt.Println(strconv.Quote("hi\n\"there\""), strconv.QuoteRune('☺'))
	s, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v\n", s, err)
}
