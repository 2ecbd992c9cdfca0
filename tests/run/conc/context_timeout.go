package main

import (
	"context"
	"fmt"
	"time"
)

func slow(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	fmt.Println("fast:", slow(ctx, 10*time.Millisecond))
	fmt.Println("slow:", slow(ctx, time.Second))
	fmt.Println(ctx.Err(), ctx.Err() == context.DeadlineExceeded)
	_, hasDeadline := ctx.Deadline()
	_, bgDeadline := context.Background().Deadline()
	fmt.Println(hasDeadline, bgDeadline)
}
