package main;;

func main(){}
