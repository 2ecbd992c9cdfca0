package main

func main() {
	x := ...
	f(,)
	_ = []int{,}
	y := !
	z := ~
	w := *
}

var (a int,)
