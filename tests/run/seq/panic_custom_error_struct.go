package main

import "fmt"

type JobError struct {
	ID     int
	Reason string
}

func (e JobError) Error() string { return fmt.Sprintf("job %d: %s", e.ID, e.Reason) }

func main() {
	fmt.Println("start")
	panic(JobError{7, "exploded"})
}
