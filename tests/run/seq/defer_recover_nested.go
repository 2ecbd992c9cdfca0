package main

import "fmt"

func helperRecover() interface{} { return recover() }

func direct() {
	defer func() {
		fmt.Println("direct:", recover())
	}()
	panic("p1")
}

func indirect() {
	defer func() {
		r := helperRecover()
		fmt.Println("helper got:", r)
		fmt.Println("direct call got:", recover())
	}()
	panic("p2")
}

func twice() {
	defer func() {
		fmt.Println("second recover:", recover())
	}()
	defer func() {
		fmt.Println("first recover:", recover())
	}()
	panic("p3")
}

func panicInDefer() {
	defer func() { fmt.Println("final:", recover()) }()
	defer func() { panic("from defer") }()
	panic("original")
}

func main() {
	direct()
	indirect()
	twice()
	panicInDefer()
	fmt.Println("main continues")
}
