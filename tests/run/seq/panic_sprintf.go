package main

import "fmt"

func main() {
	id := 42
	panic(fmt.Sprintf("job %d failed: %s", id, "timeout"))
}
