package main

import (
	"context"
	"fmt"
	"time"
)

type ctxKey string

func work(ctx context.Context) error {
	select {
	case <-time.After(time.Second):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fmt.Println(work(ctx))
	ctx2, cancel2 := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel2()
	fmt.Println(work(ctx2), ctx2.Err() == context.DeadlineExceeded)
	ctx3, cancel3 := context.WithDeadline(context.TODO(), time.Now().Add(time.Hour))
	defer cancel3()
	dl, ok := ctx3.Deadline()
	_ = dl
	ctx4 := context.WithValue(ctx3, ctxKey("user"), "ann")
	fmt.Println(ok, ctx4.Value(ctxKey("user")), ctx4.Value(ctxKey("none")), context.Canceled)
}
