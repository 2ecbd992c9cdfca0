package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Hour)
	fmt.Println("stopped before firing:", t.Stop())
	t2 := time.NewTimer(20 * time.Millisecond)
	<-t2.C
	fmt.Println("t2 fired; stop now:", t2.Stop())
	t3 := time.NewTimer(time.Hour)
	t3.Reset(30 * time.Millisecond)
	<-t3.C
	fmt.Println("t3 fired after reset")
	fired := make(chan string, 1)
	af := time.AfterFunc(time.Hour, func() { fired <- "never" })
	fmt.Println("afterfunc stopped:", af.Stop())
	time.AfterFunc(10*time.Millisecond, func() { fired <- "afterfunc ran" })
	fmt.Println(<-fired)
}
