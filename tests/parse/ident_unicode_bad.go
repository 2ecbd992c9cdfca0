package main

var x€ int
var · int
var ١x int
var 世界 int
