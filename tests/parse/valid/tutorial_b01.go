package main
import (
    "fmt"
    "runtime"
    "sync"
    "time"
)

// Function to be run in goroutine
func printMessage(message string, delay time.Duration) {
    for i := 0; i < 3; i++ {
        fmt.Printf("%s - iteration %d\n", message, i+1)
        time.Sleep(delay)
    }
}

// Function that returns a value
func calculate(n int) int {
    time.Sleep(100 * time.Millisecond) // Simulate work
    return n * n
}

// Function with multiple return values
func divide(a, b float64) (float64, error) {
    if b == 0 {
        return 0, fmt.Errorf("division by zero")
    }
    time.Sleep(50 * time.Millisecond) // Simulate work
    return a / b, nil
}

func basicGoroutineExamples() {
    fmt.Println("=== Basic Goroutine Examples ===")
    
    // Method 1: goroutine with function call
    go printMessage("Goroutine-1", 200*time.Millisecond)
    go printMessage("Goroutine-2", 150*time.Millisecond)
    
    // Method 2: goroutine with anonymous function
    go func() {
        fmt.Println("Anonymous goroutine started")
        time.Sleep(300 * time.Millisecond)
        fmt.Println("Anonymous goroutine finished")
    }()
    
    // Method 3: goroutine with closure
    message := "Closure message"
    go func() {
        fmt.Printf("From closure: %s\n", message)
        time.Sleep(100 * time.Millisecond)
    }()
    
    // Method 4: goroutine with parameters
    go func(msg string, times int) {
        for i := 0; i < times; i++ {
            fmt.Printf("Parameterized: %s (%d)\n", msg, i+1)
            time.Sleep(80 * time.Millisecond)
        }
    }("Parameter message", 2)
    
    // Main goroutine continues
    fmt.Println("Main goroutine is also working...")
    time.Sleep(100 * time.Millisecond)
    fmt.Println("Main goroutine work done!")
    
    // Wait for all goroutines to complete
    time.Sleep(1 * time.Second)
    
    fmt.Printf("Number of goroutines: %d\n", runtime.NumGoroutine())
}
