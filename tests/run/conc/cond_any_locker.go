package main

import (
	"fmt"
	"sync"
)

// spinLocker is a user Locker built on a channel.
type chanLocker struct{ ch chan struct{} }

func (l *chanLocker) Lock()   { l.ch <- struct{}{} }
func (l *chanLocker) Unlock() { <-l.ch }

func run(name string, l sync.Locker) {
	c := sync.NewCond(l)
	ready := 0
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l.Lock()
			for ready == 0 {
				c.Wait()
			}
			ready++
			l.Unlock()
		}()
	}
	l.Lock()
	ready = 1
	c.Broadcast()
	l.Unlock()
	wg.Wait()
	fmt.Println(name, ready)
}

func main() {
	var mu sync.Mutex
	run("mutex", &mu)
	var rw sync.RWMutex
	run("rwmutex", &rw)
	run("user", &chanLocker{make(chan struct{}, 1)})

	// RLocker: readers wait on a cond whose Locker is the read side.
	var rw2 sync.RWMutex
	c := sync.NewCond(rw2.RLocker())
	done := false
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rw2.RLock()
			for !done {
				c.Wait()
			}
			rw2.RUnlock()
		}()
	}
	rw2.Lock()
	done = true
	rw2.Unlock()
	c.Broadcast()
	wg.Wait()
	fmt.Println("rlocker ok")

	// Signal one at a time, with a literal Cond.
	var m3 sync.Mutex
	c3 := &sync.Cond{L: &m3}
	queue := []int{}
	got := make(chan int)
	for i := 0; i < 3; i++ {
		go func() {
			m3.Lock()
			for len(queue) == 0 {
				c3.Wait()
			}
			v := queue[0]
			queue = queue[1:]
			m3.Unlock()
			got <- v
		}()
	}
	sum := 0
	for i := 1; i <= 3; i++ {
		m3.Lock()
		queue = append(queue, i*10)
		c3.Signal()
		m3.Unlock()
	}
	for i := 0; i < 3; i++ {
		sum += <-got
	}
	fmt.Println("signal sum", sum)
}
