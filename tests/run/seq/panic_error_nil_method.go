package main

import "fmt"

type Logger struct{ prefix string }

func (l *Logger) Log(s string) { fmt.Println(l.prefix + s) }

func main() {
	var l *Logger
	defer fmt.Println("deferred")
	l.Log("x")
}
