package main

func main() {
	go func(defer) {
	}()
	go struct{}
	defer map[int]int
	go x.(int)
}
