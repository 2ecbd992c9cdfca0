package main

func emit(vals ...int) <-chan int {
	c := make(chan int)
	go func() {
		for _, v := range vals {
			c <- v
		}
		close(c)
	}()
	return c
}

func main() {
	a := emit(1, 3, 5)
	b := emit(2, 4)
	n := 0
	for a != nil || b != nil {
		select {
		case _, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			n++
		case _, ok := <-b:
			if !ok {
				continue
			}
			n++
		}
	}
	println(n)
}
