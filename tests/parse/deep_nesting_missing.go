package main

func main() {
	for {
		if true {
			switch {
			case 1 > 0:
				select {
				default
				}
			}
		}
	}
}
