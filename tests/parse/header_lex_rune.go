package main

import (
	"fmt"
	'ab'
)

func main() {}
