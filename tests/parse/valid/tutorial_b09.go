package main
import (
    "fmt"
    "net/http"
    "sync/atomic"
    "time"
)

var requestCounter int64

func httpServerExample() {
    fmt.Println("\n=== HTTP Server Example ===")
    
    // Handler function - each request runs in its own goroutine
    http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
        // Increment request counter atomically
        reqNum := atomic.AddInt64(&requestCounter, 1)
        
        fmt.Printf("Handling request %d from %s\n", reqNum, r.RemoteAddr)
        
        // Simulate processing time
        time.Sleep(100 * time.Millisecond)
        
        fmt.Fprintf(w, "Hello! Request #%d processed at %s\n", 
            reqNum, time.Now().Format("15:04:05"))
    })
    
    http.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
        reqNum := atomic.AddInt64(&requestCounter, 1)
        fmt.Printf("Handling slow request %d\n", reqNum)
        
        // Simulate slow processing
        time.Sleep(2 * time.Second)
        
        fmt.Fprintf(w, "Slow request #%d completed at %s\n", 
            reqNum, time.Now().Format("15:04:05"))
    })
    
    http.HandleFunc("/stats", func(w http.ResponseWriter, r *http.Request) {
        count := atomic.LoadInt64(&requestCounter)
        fmt.Fprintf(w, "Total requests processed: %d\n", count)
    })
    
    fmt.Println("Starting server on :8080")
    fmt.Println("Try:")
    fmt.Println("  curl http://localhost:8080/")
    fmt.Println("  curl http://localhost:8080/slow")
    fmt.Println("  curl http://localhost:8080/stats")
    
    // This would start the server (commented out for demo)
    // log.Fatal(http.ListenAndServe(":8080", nil))
    
    // For demo, we'll simulate concurrent requests
    simulateConcurrentRequests()
}

func simulateConcurrentRequests() {
    fmt.Println("Simulating concurrent request processing...")
    
    var wg sync.WaitGroup
    
    // Simulate 5 concurrent requests
    for i := 1; i <= 5; i++ {
        wg.Add(1)
        go func(requestID int) {
            defer wg.Done()
            
            reqNum := atomic.AddInt64(&requestCounter, 1)
            fmt.Printf("Processing simulated request %d (total: %d)\n", requestID, reqNum)
            
            // Simulate request processing
            processingTime := time.Duration(requestID*50) * time.Millisecond
            time.Sleep(processingTime)
            
            fmt.Printf("Completed simulated request %d in %v\n", requestID, processingTime)
        }(i)
    }
    
    wg.Wait()
    fmt.Printf("All requests completed. Total: %d\n", atomic.LoadInt64(&requestCounter))
}
