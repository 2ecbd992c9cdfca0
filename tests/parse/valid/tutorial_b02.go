package main
// Channel examples for goroutine communication
func channelCommunication() {
    fmt.Println("\n=== Goroutine Communication with Channels ===")
    
    // Create a channel for communication
    resultChannel := make(chan int)
    
    // Start a goroutine that sends a result
    go func() {
        result := calculate(5)
        resultChannel <- result // Send result to channel
    }()
    
    // Receive result from channel
    result := <-resultChannel
    fmt.Printf("Received result: %d\n", result)
    
    // Multiple goroutines with channel
    numbers := []int{1, 2, 3, 4, 5}
    squares := make(chan int)
    
    // Start goroutines for each number
    for _, num := range numbers {
        go func(n int) {
            squares <- n * n
        }(num)
    }
    
    // Receive results
    fmt.Println("Squares:")
    for i := 0; i < len(numbers); i++ {
        square := <-squares
        fmt.Printf("Square: %d\n", square)
    }
    
    // Bidirectional communication
    jobs := make(chan int)
    results := make(chan int)
    
    // Worker goroutine
    go func() {
        for job := range jobs {
            results <- job * 2 // Double the number
        }
        close(results)
    }()
    
    // Send jobs
    go func() {
        for i := 1; i <= 3; i++ {
            jobs <- i
        }
        close(jobs)
    }()
    
    // Receive results
    fmt.Println("Job results:")
    for result := range results {
        fmt.Printf("Result: %d\n", result)
    }
}
