package main

type I interface {
	(fmt.Stringer)
	m(
}
