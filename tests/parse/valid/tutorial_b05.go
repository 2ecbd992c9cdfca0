package main
// Producer-Consumer pattern with buffered channels
func producerConsumerExample() {
    fmt.Println("\n=== Producer-Consumer Pattern ===")
    
    // Buffered channel acts as a queue
    queue := make(chan string, 5)
    
    var wg sync.WaitGroup
    
    // Start multiple producers
    numProducers := 2
    for i := 1; i <= numProducers; i++ {
        wg.Add(1)
        go producer(i, queue, &wg)
    }
    
    // Start multiple consumers
    numConsumers := 3
    for i := 1; i <= numConsumers; i++ {
        wg.Add(1)
        go consumer(i, queue, &wg)
    }
    
    // Close the queue when all producers are done
    go func() {
        // Wait for producers only
        var producerWG sync.WaitGroup
        producerWG.Add(numProducers)
        
        // This is a simplified example - in practice you'd coordinate this better
        time.Sleep(2 * time.Second) // Let producers run
        close(queue)
    }()
    
    wg.Wait()
    fmt.Println("Producer-Consumer example completed!")
}

func producer(id int, queue chan<- string, wg *sync.WaitGroup) {
    defer wg.Done()
    
    for i := 1; i <= 3; i++ {
        item := fmt.Sprintf("item-%d-from-producer-%d", i, id)
        
        fmt.Printf("Producer %d producing: %s\n", id, item)
        queue <- item
        
        // Simulate production time
        time.Sleep(200 * time.Millisecond)
    }
    
    fmt.Printf("Producer %d finished\n", id)
}

func consumer(id int, queue <-chan string, wg *sync.WaitGroup) {
    defer wg.Done()
    
    for item := range queue {
        fmt.Printf("Consumer %d consuming: %s\n", id, item)
        
        // Simulate consumption time
        time.Sleep(300 * time.Millisecond)
        
        fmt.Printf("Consumer %d finished: %s\n", id, item)
    }
    
    fmt.Printf("Consumer %d finished\n", id)
}
