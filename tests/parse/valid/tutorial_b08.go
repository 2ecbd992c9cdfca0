package main
// Cache with RWMutex for concurrent reads
type Cache struct {
    mu   sync.RWMutex
    data map[string]string
}

func NewCache() *Cache {
    return &Cache{
        data: make(map[string]string),
    }
}

func (c *Cache) Set(key, value string) {
    c.mu.Lock()
    defer c.mu.Unlock()
    c.data[key] = value
    fmt.Printf("Set %s = %s\n", key, value)
}

func (c *Cache) Get(key string) (string, bool) {
    c.mu.RLock()
    defer c.mu.RUnlock()
    value, exists := c.data[key]
    if exists {
        fmt.Printf("Get %s = %s\n", key, value)
    } else {
        fmt.Printf("Get %s = not found\n", key)
    }
    return value, exists
}

func (c *Cache) Delete(key string) {
    c.mu.Lock()
    defer c.mu.Unlock()
    delete(c.data, key)
    fmt.Printf("Deleted %s\n", key)
}

func (c *Cache) Size() int {
    c.mu.RLock()
    defer c.mu.RUnlock()
    return len(c.data)
}

func rwMutexExample() {
    fmt.Println("\n=== RWMutex Example ===")
    
    cache := NewCache()
    
    var wg sync.WaitGroup
    
    // Writer goroutines (fewer)
    numWriters := 2
    for i := 0; i < numWriters; i++ {
        wg.Add(1)
        go func(id int) {
            defer wg.Done()
            for j := 0; j < 3; j++ {
                key := fmt.Sprintf("key-%d-%d", id, j)
                value := fmt.Sprintf("value-%d-%d", id, j)
                cache.Set(key, value)
                time.Sleep(50 * time.Millisecond)
            }
        }(i)
    }
    
    // Reader goroutines (more)
    numReaders := 5
    for i := 0; i < numReaders; i++ {
        wg.Add(1)
        go func(id int) {
            defer wg.Done()
            for j := 0; j < 5; j++ {
                key := fmt.Sprintf("key-%d-%d", id%numWriters, j%3)
                cache.Get(key)
                time.Sleep(20 * time.Millisecond)
            }
        }(i)
    }
    
    wg.Wait()
    fmt.Printf("Final cache size: %d\n", cache.Size())
}
