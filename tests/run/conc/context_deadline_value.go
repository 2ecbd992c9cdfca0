package main

import (
	"context"
	"fmt"
	"time"
)

type key string

func handle(ctx context.Context) string {
	user, _ := ctx.Value(key("user")).(string)
	select {
	case <-ctx.Done():
		return user + ": " + ctx.Err().Error()
	case <-time.After(500 * time.Millisecond):
		return user + ": finished"
	}
}

func main() {
	base := context.WithValue(context.Background(), key("user"), "ann")
	ctx, cancel := context.WithDeadline(base, time.Now().Add(60*time.Millisecond))
	defer cancel()
	fmt.Println(handle(ctx))
	fmt.Println(ctx.Value(key("user")), ctx.Value(key("missing")))
	child, cancelChild := context.WithCancel(ctx)
	defer cancelChild()
	<-child.Done()
	fmt.Println("child of expired parent:", child.Err())
	ctx2, cancel2 := context.WithTimeout(base, time.Hour)
	cancel2()
	fmt.Println(handle(ctx2))
}
