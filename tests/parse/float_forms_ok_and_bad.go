package main

var a = 1.5e+10
var b = 0x1p-2
var c = .5
var d = 1i
var e = 0x_1
var f = 0_1
var g = 1p2
var h = 0b1e2
