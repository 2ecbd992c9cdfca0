package main

import "fmt"

type State int

func (s State) String() string { return fmt.Sprintf("State<%d>", int(s)) }

func main() {
	panic(State(3))
}
