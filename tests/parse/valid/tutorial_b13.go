package main
func main() {
    fmt.Println("=== Goroutines Tutorial ===")
    
    // Basic examples
    basicGoroutineExamples()
    
    // Communication
    channelCommunication()
    
    // Synchronization
    waitGroupExample()
    
    // Advanced patterns
    workerPoolExample()
    producerConsumerExample()
    fanOutFanInExample()
    
    // Synchronization primitives
    mutexExample()
    rwMutexExample()
    
    // Real-world examples
    httpServerExample()
    backgroundTaskExample()
    
    // Error handling
    errorHandlingExample()
    timeoutExample()
    
    fmt.Printf("\nFinal goroutine count: %d\n", runtime.NumGoroutine())
    fmt.Println("Tutorial completed!")
}
