// Two goroutines that never end: the run stops on the step limit right
// after a preemption. The recording writes that last preemption as its
// final line, which the replay once reported as a divergence ("the run
// ended before decision N"): found by fuzz_run's record/replay check.
package main

var x int

func main() {
	go func() {
		for {
			x++
		}
	}()
	for {
		x--
	}
}
