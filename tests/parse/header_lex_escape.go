package main

import "a\q"

func main() {}
