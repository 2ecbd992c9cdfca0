package main
// Task processor with graceful shutdown
type TaskProcessor struct {
    tasks       chan Task
    workers     int
    stopCh      chan struct{}
    wg          sync.WaitGroup
    isRunning   bool
    mu          sync.Mutex
}

type Task struct {
    ID          int
    Description string
    ProcessTime time.Duration
}

func NewTaskProcessor(workers int, queueSize int) *TaskProcessor {
    return &TaskProcessor{
        tasks:   make(chan Task, queueSize),
        workers: workers,
        stopCh:  make(chan struct{}),
    }
}

func (tp *TaskProcessor) Start() {
    tp.mu.Lock()
    defer tp.mu.Unlock()
    
    if tp.isRunning {
        return
    }
    
    tp.isRunning = true
    
    // Start worker goroutines
    for i := 1; i <= tp.workers; i++ {
        tp.wg.Add(1)
        go tp.worker(i)
    }
    
    fmt.Printf("Task processor started with %d workers\n", tp.workers)
}

func (tp *TaskProcessor) Stop() {
    tp.mu.Lock()
    defer tp.mu.Unlock()
    
    if !tp.isRunning {
        return
    }
    
    tp.isRunning = false
    close(tp.stopCh)
    tp.wg.Wait()
    
    fmt.Println("Task processor stopped")
}

func (tp *TaskProcessor) SubmitTask(task Task) bool {
    tp.mu.Lock()
    defer tp.mu.Unlock()
    
    if !tp.isRunning {
        return false
    }
    
    select {
    case tp.tasks <- task:
        fmt.Printf("Task %d submitted: %s\n", task.ID, task.Description)
        return true
    default:
        fmt.Printf("Task queue full, rejecting task %d\n", task.ID)
        return false
    }
}

func (tp *TaskProcessor) worker(id int) {
    defer tp.wg.Done()
    
    fmt.Printf("Worker %d started\n", id)
    
    for {
        select {
        case task := <-tp.tasks:
            fmt.Printf("Worker %d processing task %d: %s\n", id, task.ID, task.Description)
            time.Sleep(task.ProcessTime) // Simulate processing
            fmt.Printf("Worker %d completed task %d\n", id, task.ID)
            
        case <-tp.stopCh:
            fmt.Printf("Worker %d stopping\n", id)
            return
        }
    }
}

func backgroundTaskExample() {
    fmt.Println("\n=== Background Task Processing ===")
    
    // Create and start task processor
    processor := NewTaskProcessor(3, 10)
    processor.Start()
    
    // Submit tasks
    tasks := []Task{
        {ID: 1, Description: "Process user data", ProcessTime: 200 * time.Millisecond},
        {ID: 2, Description: "Send email notification", ProcessTime: 300 * time.Millisecond},
        {ID: 3, Description: "Generate report", ProcessTime: 500 * time.Millisecond},
        {ID: 4, Description: "Update database", ProcessTime: 100 * time.Millisecond},
        {ID: 5, Description: "Backup files", ProcessTime: 400 * time.Millisecond},
        {ID: 6, Description: "Clean cache", ProcessTime: 150 * time.Millisecond},
    }
    
    // Submit all tasks
    for _, task := range tasks {
        processor.SubmitTask(task)
        time.Sleep(50 * time.Millisecond) // Small delay between submissions
    }
    
    // Let tasks process for a while
    time.Sleep(1 * time.Second)
    
    // Graceful shutdown
    processor.Stop()
}
