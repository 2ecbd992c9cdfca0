// A method of a long type name, called from goroutines: its schedule site
// FUNC is longer than 160 bytes, which sch_write once truncated (the line
// lost its "L<n> -> gN/N" tail and the file no longer parsed).
package main

import (
	"fmt"
	"sync"
)

type AVeryLongTypeNameThatKeepsGoingOnAndOnBeyondAnyReasonableLengthForAGoIdentifierButStillPerfectlyLegal struct {
	n int
}

func (c *AVeryLongTypeNameThatKeepsGoingOnAndOnBeyondAnyReasonableLengthForAGoIdentifierButStillPerfectlyLegal) IncrementTheCounterByOneWithoutAnyLockingWhatsoeverSoThatItRaces() {
	c.n++
}

func main() {
	var wg sync.WaitGroup
	c := &AVeryLongTypeNameThatKeepsGoingOnAndOnBeyondAnyReasonableLengthForAGoIdentifierButStillPerfectlyLegal{}
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				c.IncrementTheCounterByOneWithoutAnyLockingWhatsoeverSoThatItRaces()
			}
		}()
	}
	wg.Wait()
	fmt.Println(c.n <= 200)
}
