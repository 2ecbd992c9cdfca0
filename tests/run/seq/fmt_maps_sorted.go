package main

import "fmt"

func main() {
	m := map[string]int{"zebra": 1, "apple": 2, "mango": 3, "Banana": 4}
	fmt.Println(m)
	fmt.Printf("%v\n%+v\n", m, m)
	ints := map[int]string{10: "ten", -1: "neg", 3: "three", 0: "zero"}
	fmt.Println(ints)
	floats := map[float64]bool{2.5: true, -1: false, 0.5: true}
	fmt.Println(floats)
	bools := map[bool]int{true: 1, false: 0}
	fmt.Println(bools)
	nested := map[string]map[int]bool{"b": {2: true, 1: false}, "a": {}}
	fmt.Println(nested)
	type K struct{ A, B int }
	sk := map[K]string{{2, 1}: "c", {1, 2}: "b", {1, 1}: "a"}
	fmt.Println(sk)
	ak := map[[2]int]int{{2, 0}: 1, {1, 9}: 2}
	fmt.Println(ak)
	var nm map[string]int
	fmt.Println(nm, len(nm))
	fmt.Println(map[rune]int{'b': 1, 'a': 2})
}
