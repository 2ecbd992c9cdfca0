// context_churn: contexts whose values are dropped while what they lead
// to is kept (a value chain only its leaf reaches, a deadline only its
// child holds, a cancel func without its context), and a loop making and
// cancelling contexts with collections in between: lookups, propagation
// and deadlines are Go's throughout.
package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

type key string

func chain(parent context.Context, depth int) (context.Context, context.CancelFunc) {
	ctx := context.WithValue(parent, key(fmt.Sprint("k", depth)), depth)
	return context.WithCancel(ctx)
}

func main() {
	root, cancelRoot := context.WithCancel(context.Background())
	leaf := context.Context(root)
	var cancels []context.CancelFunc
	for d := 0; d < 50; d++ {
		var c context.CancelFunc
		leaf, c = chain(leaf, d)
		cancels = append(cancels, c)
	}
	runtime.GC()
	fmt.Println("value k0:", leaf.Value(key("k0")), "k49:", leaf.Value(key("k49")), "none:", leaf.Value(key("x")))
	cancelRoot()
	<-leaf.Done()
	fmt.Println("leaf:", leaf.Err())
	for _, c := range cancels {
		c()
	}

	var child context.Context
	func() {
		ctx, _ := context.WithTimeout(context.Background(), 5*time.Millisecond)
		child, _ = context.WithCancel(ctx)
	}()
	runtime.GC()
	<-child.Done()
	fmt.Println("child of a dropped deadline:", child.Err())

	var keep context.CancelFunc
	var kid context.Context
	func() {
		ctx, cancel := context.WithCancel(context.Background())
		keep = cancel
		kid, _ = context.WithCancel(ctx)
	}()
	runtime.GC()
	keep()
	<-kid.Done()
	fmt.Println("kid of a dropped context, cancelled by its kept func:", kid.Err())

	n := 0
	for i := 0; i < 20000; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
		vctx := context.WithValue(ctx, key("i"), i)
		if vctx.Value(key("i")).(int) == i {
			n++
		}
		cancel()
		if vctx.Err() != context.Canceled {
			panic("not canceled")
		}
		if i%5000 == 0 {
			runtime.GC()
		}
	}
	fmt.Println("churn:", n)

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	for i := 0; ; i++ {
		sub, subCancel := context.WithCancel(ctx)
		select {
		case <-sub.Done():
			fmt.Println("deadline reached after", i > 0, sub.Err())
			subCancel()
			return
		case <-time.After(time.Millisecond):
		}
		subCancel()
		runtime.GC()
	}
}
