// bench_vm_alloc: allocate 10 GB in total (10,485,760 slices of 128 ints,
// 1 KiB each in Go) while holding only the latest 10 MiB of them (a ring of
// 10,240). A collector that works keeps the peak RSS near the held size.
package main

import "fmt"

func main() {
	const held = 10240
	const total = 10 * 1024 * 1024
	ring := make([][]int, held)
	sum := 0
	for i := 0; i < total; i++ {
		b := make([]int, 128)
		b[i%128] = i
		ring[i%held] = b
		sum += len(ring[(i*7)%held])
	}
	fmt.Println("allocated", total, "KiB; sum", sum)
}
