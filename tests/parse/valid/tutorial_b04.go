package main
// Worker pool for processing jobs
type Job struct {
    ID   int
    Data string
}

type Result struct {
    Job    Job
    Output string
    Error  error
}

func workerPoolExample() {
    fmt.Println("\n=== Worker Pool Pattern ===")
    
    const numWorkers = 3
    const numJobs = 10
    
    jobs := make(chan Job, numJobs)
    results := make(chan Result, numJobs)
    
    // Start workers
    var wg sync.WaitGroup
    for i := 1; i <= numWorkers; i++ {
        wg.Add(1)
        go worker(i, jobs, results, &wg)
    }
    
    // Send jobs
    go func() {
        for i := 1; i <= numJobs; i++ {
            jobs <- Job{
                ID:   i,
                Data: fmt.Sprintf("job-data-%d", i),
            }
        }
        close(jobs)
    }()
    
    // Close results channel when all workers are done
    go func() {
        wg.Wait()
        close(results)
    }()
    
    // Collect results
    fmt.Println("Results:")
    for result := range results {
        if result.Error != nil {
            fmt.Printf("Job %d failed: %v\n", result.Job.ID, result.Error)
        } else {
            fmt.Printf("Job %d result: %s\n", result.Job.ID, result.Output)
        }
    }
    
    fmt.Println("Worker pool completed!")
}

func worker(id int, jobs <-chan Job, results chan<- Result, wg *sync.WaitGroup) {
    defer wg.Done()
    
    for job := range jobs {
        fmt.Printf("Worker %d processing job %d\n", id, job.ID)
        
        // Simulate processing time
        time.Sleep(time.Duration(job.ID*100) * time.Millisecond)
        
        // Process job
        output := fmt.Sprintf("processed-%s-by-worker-%d", job.Data, id)
        
        results <- Result{
            Job:    job,
            Output: output,
            Error:  nil,
        }
        
        fmt.Printf("Worker %d completed job %d\n", id, job.ID)
    }
    
    fmt.Printf("Worker %d finished\n", id)
}
