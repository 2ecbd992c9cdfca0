package main

import (
	"fmt"
	"time"
)

func main() {
	d := 1500 * time.Millisecond
	fmt.Println(d, d.Seconds(), d.Milliseconds(), time.Duration(90)*time.Second)
	start := time.Now()
	time.Sleep(10 * time.Millisecond)
	el := time.Since(start)
	fmt.Println(el >= 10*time.Millisecond)
	t := time.NewTimer(time.Millisecond)
	<-t.C
	tk := time.NewTicker(time.Millisecond)
	<-tk.C
	tk.Stop()
	done := make(chan bool)
	time.AfterFunc(time.Millisecond, func() { done <- true })
	<-done
	select {
	case <-time.After(time.Millisecond):
	case <-time.Tick(time.Hour):
	}
	fmt.Println(time.Minute+30*time.Second, t.Stop())
	_ = start.Format("15:04:05")
	_ = start.Add(time.Hour).Sub(start)
}
