// Scenario: tutorial "Goroutine Synchronization Primitives / 1. Mutex for Shared State",
// the UnsafeCounter race demo alone: 10 goroutines x 100 unprotected c.count++.
// Watch in goro-viz: c.count++ is a load, an add and a store; when the scheduler
// switches between them, updates are lost and "Actual" falls below 1000 for some
// seeds (try `goro-viz scenarios/race_counter.go --seed 17`, or `hunt`).
// Under real Go this usually prints 1000: the race is there, it is just rare.
package main

import (
    "fmt"
    "sync"
)

// Unsafe counter for comparison
type UnsafeCounter struct {
    count int
}

func (c *UnsafeCounter) Increment() {
    c.count++
}

func (c *UnsafeCounter) Value() int {
    return c.count
}

func raceExample() {
    var wg sync.WaitGroup
    numGoroutines := 10
    incrementsPerGoroutine := 100
    expectedValue := numGoroutines * incrementsPerGoroutine
    
    fmt.Println("\n=== Race Condition Demo (Unsafe Counter) ===")
    
    unsafeCounter := &UnsafeCounter{}
    
    // Reset WaitGroup
    wg = sync.WaitGroup{}
    
    for i := 0; i < numGoroutines; i++ {
        wg.Add(1)
        go func(id int) {
            defer wg.Done()
            for j := 0; j < incrementsPerGoroutine; j++ {
                unsafeCounter.Increment()
            }
        }(i)
    }
    
    wg.Wait()
    unsafeActualValue := unsafeCounter.Value()
    
    fmt.Printf("Unsafe counter - Expected: %d, Actual: %d, Correct: %t\n", 
        expectedValue, unsafeActualValue, expectedValue == unsafeActualValue)
    
    if expectedValue != unsafeActualValue {
        fmt.Println("Race condition detected! Values don't match due to concurrent access.")
    }
}

func main() {
    raceExample()
}
