// Correct: what the cancelling goroutine wrote before cancel() is visible
// to the goroutine woken by <-ctx.Done() and to ctx.Err() callers.
package main

import (
	"context"
	"fmt"
)

var reason string

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan string)
	go func() {
		<-ctx.Done()
		done <- reason
	}()
	go func() {
		reason = "shutdown"
		cancel()
	}()
	fmt.Println(<-done)
	if ctx.Err() != nil {
		fmt.Println(reason)
	}
}
