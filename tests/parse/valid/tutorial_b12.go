package main
import "context"

func timeoutExample() {
    fmt.Println("\n=== Timeout and Context Example ===")
    
    // Context with timeout
    ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
    defer cancel()
    
    results := make(chan string, 3)
    
    // Start goroutines with different durations
    durations := []time.Duration{
        1 * time.Second,  // Will complete
        3 * time.Second,  // Will timeout
        500 * time.Millisecond, // Will complete
    }
    
    for i, duration := range durations {
        go func(id int, duration time.Duration) {
            select {
            case <-time.After(duration):
                results <- fmt.Sprintf("Task %d completed after %v", id, duration)
            case <-ctx.Done():
                results <- fmt.Sprintf("Task %d cancelled: %v", id, ctx.Err())
            }
        }(i, duration)
    }
    
    // Collect results
    for i := 0; i < len(durations); i++ {
        result := <-results
        fmt.Println(result)
    }
    
    // Context with cancellation
    fmt.Println("\n=== Context Cancellation Example ===")
    
    ctx2, cancel2 := context.WithCancel(context.Background())
    
    // Start a long-running goroutine
    go func() {
        ticker := time.NewTicker(200 * time.Millisecond)
        defer ticker.Stop()
        
        for {
            select {
            case <-ticker.C:
                fmt.Println("Long-running task working...")
            case <-ctx2.Done():
                fmt.Println("Long-running task cancelled")
                return
            }
        }
    }()
    
    // Let it run for a while
    time.Sleep(1 * time.Second)
    
    // Cancel the context
    cancel2()
    
    // Give it time to cleanup
    time.Sleep(300 * time.Millisecond)
}
