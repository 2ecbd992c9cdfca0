package main

import "fmt"

func sum(label string, nums ...int) string {
	t := 0
	for _, n := range nums {
		t += n
	}
	return fmt.Sprintf("%s:%d:%d", label, len(nums), t)
}

func modify(nums ...int) {
	if len(nums) > 0 {
		nums[0] = 99
	}
}

func pass(args ...interface{}) int { return len(args) }

func main() {
	fmt.Println(sum("none"), sum("one", 1), sum("three", 1, 2, 3))
	xs := []int{5, 6}
	fmt.Println(sum("spread", xs...))
	modify(xs...)
	fmt.Println(xs)
	ys := []int{1}
	modify(ys[0], 2)
	fmt.Println(ys)
	fmt.Println(pass(), pass(nil), pass(1, "a"), pass([]interface{}{1, 2}...), pass([]interface{}{1, 2}))
	fmt.Println(append([]int{1}, []int{2, 3}...))
}
