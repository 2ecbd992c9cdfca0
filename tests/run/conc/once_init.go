package main

import (
	"fmt"
	"sync"
)

var (
	once   sync.Once
	config map[string]string
	calls  int
)

func loadConfig() {
	calls++
	fmt.Println("loading config")
	config = map[string]string{"env": "test"}
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(loadConfig)
		}()
	}
	wg.Wait()
	once.Do(func() { fmt.Println("never printed") })
	fmt.Println(config["env"], calls)
}
