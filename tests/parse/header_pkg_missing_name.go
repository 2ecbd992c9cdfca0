package

func main(){}
