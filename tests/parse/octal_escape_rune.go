package main

var a = '\8'
var b = '\U00110000'
var c = 'x
