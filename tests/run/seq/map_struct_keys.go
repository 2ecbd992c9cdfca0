package main

import "fmt"

type Pt struct{ X, Y int }

func main() {
	visited := map[Pt]bool{}
	visited[Pt{1, 2}] = true
	visited[Pt{1, 2}] = true
	visited[Pt{2, 1}] = false
	fmt.Println(len(visited), visited[Pt{1, 2}], visited[Pt{9, 9}])
	byArr := map[[2]int]string{{1, 2}: "a"}
	byArr[[2]int{1, 2}] += "b"
	fmt.Println(byArr)
	var iface = map[interface{}]int{1: 1, "1": 2, 1.5: 3, true: 4}
	fmt.Println(iface[1], iface["1"], iface[1.5], iface[true], iface[false])
	groups := map[string][]string{}
	for _, w := range []string{"apple", "avocado", "banana", "blueberry", "cherry"} {
		k := w[:1]
		groups[k] = append(groups[k], w)
	}
	fmt.Println(groups)
}
