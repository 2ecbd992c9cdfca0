package main
// Fan-out: distribute work to multiple goroutines
// Fan-in: collect results from multiple goroutines
func fanOutFanInExample() {
    fmt.Println("\n=== Fan-out/Fan-in Pattern ===")
    
    // Input data
    numbers := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
    
    // Fan-out: create input channel and distribute work
    inputCh := make(chan int)
    
    // Start the input producer
    go func() {
        for _, num := range numbers {
            inputCh <- num
        }
        close(inputCh)
    }()
    
    // Fan-out: create multiple workers
    numWorkers := 3
    workerChannels := make([]<-chan int, numWorkers)
    
    for i := 0; i < numWorkers; i++ {
        workerChannels[i] = squareWorker(inputCh)
    }
    
    // Fan-in: merge all worker outputs
    resultCh := mergeChannels(workerChannels...)
    
    // Collect all results
    fmt.Println("Results:")
    var results []int
    for result := range resultCh {
        results = append(results, result)
        fmt.Printf("Result: %d\n", result)
    }
    
    fmt.Printf("Total results collected: %d\n", len(results))
}

// Worker that squares numbers
func squareWorker(input <-chan int) <-chan int {
    output := make(chan int)
    
    go func() {
        defer close(output)
        
        for num := range input {
            // Simulate work
            time.Sleep(100 * time.Millisecond)
            
            square := num * num
            fmt.Printf("Worker squared %d = %d\n", num, square)
            
            output <- square
        }
    }()
    
    return output
}

// Fan-in: merge multiple channels into one
func mergeChannels(channels ...<-chan int) <-chan int {
    out := make(chan int)
    var wg sync.WaitGroup
    
    // Start a goroutine for each input channel
    for _, ch := range channels {
        wg.Add(1)
        go func(c <-chan int) {
            defer wg.Done()
            for val := range c {
                out <- val
            }
        }(ch)
    }
    
    // Close output channel when all input channels are closed
    go func() {
        wg.Wait()
        close(out)
    }()
    
    return out
}
