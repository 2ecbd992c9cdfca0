package main

func f() (int, ) {}
func g() (a int, b) {}
func h() (a, b int, c) {}
