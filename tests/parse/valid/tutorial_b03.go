package main
// Using WaitGroup to wait for multiple goroutines
func waitGroupExample() {
    fmt.Println("\n=== WaitGroup Example ===")
    
    var wg sync.WaitGroup
    
    // Number of goroutines to wait for
    numWorkers := 3
    wg.Add(numWorkers)
    
    for i := 1; i <= numWorkers; i++ {
        go func(workerID int) {
            defer wg.Done() // Signal completion when function exits
            
            fmt.Printf("Worker %d starting\n", workerID)
            
            // Simulate work with random duration
            workTime := time.Duration(workerID*100) * time.Millisecond
            time.Sleep(workTime)
            
            fmt.Printf("Worker %d completed work in %v\n", workerID, workTime)
        }(i)
    }
    
    fmt.Println("Waiting for all workers to complete...")
    wg.Wait() // Block until all goroutines call Done()
    fmt.Println("All workers completed!")
    
    // Advanced WaitGroup usage
    fmt.Println("\n=== Advanced WaitGroup Usage ===")
    
    tasks := []string{"task1", "task2", "task3", "task4", "task5"}
    var wg2 sync.WaitGroup
    
    for _, task := range tasks {
        wg2.Add(1)
        go func(taskName string) {
            defer wg2.Done()
            processTask(taskName)
        }(task)
    }
    
    wg2.Wait()
    fmt.Println("All tasks processed!")
}

func processTask(taskName string) {
    fmt.Printf("Processing %s...\n", taskName)
    time.Sleep(time.Duration(len(taskName)*50) * time.Millisecond)
    fmt.Printf("Completed %s\n", taskName)
}
