package main
// Error handling in goroutines
type WorkResult struct {
    ID     int
    Result string
    Error  error
}

func errorHandlingExample() {
    fmt.Println("\n=== Goroutine Error Handling ===")
    
    jobs := []int{1, 2, 3, 4, 5, 0, 7, 8} // 0 will cause division by zero
    results := make(chan WorkResult, len(jobs))
    
    var wg sync.WaitGroup
    
    // Process jobs concurrently
    for i, job := range jobs {
        wg.Add(1)
        go func(id, value int) {
            defer wg.Done()
            
            // Recover from panic
            defer func() {
                if r := recover(); r != nil {
                    results <- WorkResult{
                        ID:    id,
                        Error: fmt.Errorf("panic recovered: %v", r),
                    }
                }
            }()
            
            result, err := riskyWork(value)
            results <- WorkResult{
                ID:     id,
                Result: result,
                Error:  err,
            }
        }(i, job)
    }
    
    // Close results channel when all work is done
    go func() {
        wg.Wait()
        close(results)
    }()
    
    // Collect results
    var successCount, errorCount int
    for result := range results {
        if result.Error != nil {
            fmt.Printf("Job %d failed: %v\n", result.ID, result.Error)
            errorCount++
        } else {
            fmt.Printf("Job %d succeeded: %s\n", result.ID, result.Result)
            successCount++
        }
    }
    
    fmt.Printf("Summary: %d successful, %d failed\n", successCount, errorCount)
}

func riskyWork(value int) (string, error) {
    if value == 0 {
        return "", fmt.Errorf("cannot process zero value")
    }
    
    if value < 0 {
        panic("negative values not supported") // Will be recovered
    }
    
    // Simulate work
    time.Sleep(50 * time.Millisecond)
    
    return fmt.Sprintf("processed-%d", 100/value), nil
}
