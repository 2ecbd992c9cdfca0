package main

type T struct{ a int }

func main() {
	if T{1} == T{1} {
	}
}
