package main

import "fmt"

type Registry struct {
	items map[string]int
}

func main() {
	r := Registry{}
	fmt.Println(r.items["x"], len(r.items))
	r.items["x"] = 1
}
