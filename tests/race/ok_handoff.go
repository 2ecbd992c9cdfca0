// Correct: ownership of a struct passes over unbuffered channels.
package main

import "fmt"

type Job struct {
	id     int
	result int
}

func main() {
	jobs := make(chan *Job)
	done := make(chan *Job)
	go func() {
		for j := range jobs {
			j.result = j.id * 2
			done <- j
		}
		close(done)
	}()
	go func() {
		for i := 1; i <= 3; i++ {
			jobs <- &Job{id: i}
		}
		close(jobs)
	}()
	sum := 0
	for j := range done {
		sum += j.result
	}
	fmt.Println(sum)
}
