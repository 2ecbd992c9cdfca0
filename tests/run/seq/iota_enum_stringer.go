package main

import "fmt"

type Level int

const (
	Debug Level = iota
	Info
	Warn
	Error
)

var levelNames = [...]string{"DEBUG", "INFO", "WARN", "ERROR"}

func (l Level) String() string {
	if l < 0 || int(l) >= len(levelNames) {
		return fmt.Sprintf("Level(%d)", int(l))
	}
	return levelNames[l]
}

type Flags uint

const (
	FlagA Flags = 1 << iota
	FlagB
	FlagC
)

func (f Flags) Has(x Flags) bool { return f&x != 0 }

func main() {
	for l := Debug; l <= Error+1; l++ {
		fmt.Print(l, " ")
	}
	fmt.Println()
	fmt.Printf("%v %d %s %q\n", Warn, Warn, Error, Info)
	f := FlagA | FlagC
	fmt.Println(f, f.Has(FlagB), f.Has(FlagC), FlagC)
	levels := map[Level]int{Warn: 2, Debug: 5}
	fmt.Println(levels)
}
