package main

import "fmt"

func main() {
	f := 3.14159265
	fmt.Printf("%f|%.2f|%8.3f|%-8.2f|%08.3f|%+.1f|% .2f\n", f, f, f, f, f, f, f)
	fmt.Printf("%e|%E|%.3e|%g|%G|%.3g|%10.4g|\n", f, f, f, f, f, f, f)
	fmt.Printf("%g %g %g %g %g\n", 1e6, 1e21, 1e-5, 100000.0, 0.0001)
	fmt.Printf("%v %v %v %v\n", 1e6, 1e21, 1e-5, 1e20)
	fmt.Printf("%.0f %.0f %.0f %.0f %.1f %.2f\n", 0.5, 1.5, 2.5, -0.5, 0.05, 1.005)
	fmt.Printf("%f %f %v\n", float32(0.1), 1.0/3.0, float32(1)/3)
	fmt.Printf("%6.2f%%\n", 99.5)
	fmt.Println(2.0, 2.5e10, 1.0e-10, 3.0/2, float32(2.25))
}
