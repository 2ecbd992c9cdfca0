package main

import (
    "fmt"
    "time"
)

// Simple function to run in a goroutine
func sayHello(name string) {
    for i := 0; i < 3; i++ {
        fmt.Printf("Hello, %s! (%d)\n", name, i+1)
        time.Sleep(100 * time.Millisecond) // Small delay
    }
}

// Function that does some work
func doWork(id int) {
    fmt.Printf("Worker %d starting\n", id)
    time.Sleep(500 * time.Millisecond) // Simulate work
    fmt.Printf("Worker %d done\n", id)
}

// Function that counts numbers
func countNumbers(from, to int, name string) {
    for i := from; i <= to; i++ {
        fmt.Printf("%s: %d\n", name, i)
        time.Sleep(50 * time.Millisecond)
    }
}

func main() {
    fmt.Println("=== Basic Goroutines ===")
    
    // Start a goroutine - runs concurrently with main
    go sayHello("Alice")
    
    // Start another goroutine
    go sayHello("Bob")
    
    // Main goroutine does its own work
    sayHello("Main")
    
    // Give goroutines time to finish
    time.Sleep(1 * time.Second)
    
    fmt.Println("\n=== Multiple Workers ===")
    
    // Start multiple worker goroutines
    for i := 1; i <= 3; i++ {
        go doWork(i)
    }
    
    // Wait for workers to finish
    time.Sleep(1 * time.Second)
    
    fmt.Println("\n=== Concurrent Counting ===")
    
    // Two goroutines counting simultaneously
    go countNumbers(1, 5, "Counter-A")
    go countNumbers(10, 15, "Counter-B")
    
    // Wait for counting to finish
    time.Sleep(2 * time.Second)
    
    fmt.Println("\nMain goroutine finished!")
}
