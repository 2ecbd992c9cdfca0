package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{
		0,
		1,
		999,
		3 * time.Microsecond,
		1500 * time.Microsecond,
		150 * time.Millisecond,
		time.Second / 3,
		time.Second,
		1500 * time.Millisecond,
		2*time.Minute + 30*time.Second,
		time.Hour + time.Millisecond,
		90 * time.Minute,
		-2 * time.Second,
		26 * time.Hour,
		time.Duration(1<<63 - 1),
	}
	for _, d := range ds {
		fmt.Printf("%v|%s|%d\n", d, d, int64(d))
	}
	d := 2*time.Minute + 30*time.Second
	fmt.Println(d.Seconds(), d.Minutes(), d.Milliseconds(), d.Hours() < 1)
	fmt.Println(time.Duration(3)*time.Second, time.Second*2, 5*time.Millisecond/2)
	fmt.Println(d.String() == fmt.Sprint(d), time.Second > time.Millisecond)
	fmt.Println(d.Truncate(time.Minute), d.Round(time.Minute), (1500 * time.Millisecond).Round(time.Second))
	fmt.Printf("%T %.1f\n", d, d.Seconds())
}
