package 42

func main() {}
