// Scenario: tutorial "Goroutine Synchronization Primitives / 1. Mutex for Shared State",
// the SafeCounter half of mutexExample (the UnsafeCounter half is race_counter.go).
// Watch in goro-viz: ten goroutines queueing on c.mu (owner edge, waiter queue);
// the counter always ends at 1000 whatever the seed.
package main

import (
    "fmt"
    "sync"
)

// Shared counter with mutex protection
type SafeCounter struct {
    mu    sync.Mutex
    count int
}

func (c *SafeCounter) Increment() {
    c.mu.Lock()
    defer c.mu.Unlock()
    c.count++
}

func (c *SafeCounter) Decrement() {
    c.mu.Lock()
    defer c.mu.Unlock()
    c.count--
}

func (c *SafeCounter) Value() int {
    c.mu.Lock()
    defer c.mu.Unlock()
    return c.count
}

func mutexExample() {
    fmt.Println("\n=== Mutex Example ===")
    
    // Safe counter with mutex
    safeCounter := &SafeCounter{}
    
    var wg sync.WaitGroup
    numGoroutines := 10
    incrementsPerGoroutine := 100
    
    // Start goroutines that increment the safe counter
    for i := 0; i < numGoroutines; i++ {
        wg.Add(1)
        go func(id int) {
            defer wg.Done()
            for j := 0; j < incrementsPerGoroutine; j++ {
                safeCounter.Increment()
            }
            fmt.Printf("Goroutine %d completed safe increments\n", id)
        }(i)
    }
    
    wg.Wait()
    expectedValue := numGoroutines * incrementsPerGoroutine
    actualValue := safeCounter.Value()
    
    fmt.Printf("Safe counter - Expected: %d, Actual: %d, Correct: %t\n", 
        expectedValue, actualValue, expectedValue == actualValue)
}

func main() {
    mutexExample()
}
