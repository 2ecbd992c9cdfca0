package main

func main() {
	var x interface{}
	switch y, z := x.(type) {
	}
}
