package main
import "sync"

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
    
    // Demonstrate race condition with unsafe counter
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
