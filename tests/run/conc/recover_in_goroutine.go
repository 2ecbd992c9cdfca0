package main

import (
	"fmt"
	"sort"
	"sync"
)

func safeGo(wg *sync.WaitGroup, errs chan<- string, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			if r := recover(); r != nil {
				errs <- fmt.Sprint("recovered: ", r)
			}
		}()
		f()
	}()
}

func main() {
	var wg sync.WaitGroup
	errs := make(chan string, 3)
	safeGo(&wg, errs, func() { panic("boom") })
	safeGo(&wg, errs, func() {
		var m map[int]int
		m[1] = 1
	})
	safeGo(&wg, errs, func() {})
	wg.Wait()
	close(errs)
	var all []string
	for e := range errs {
		all = append(all, e)
	}
	sort.Strings(all)
	for _, e := range all {
		fmt.Println(e)
	}
}
