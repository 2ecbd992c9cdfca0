package main

var a = 0x
var b = 09
var c = 1__0
var d = 0b102
var e = 1e
var f = 0x1.0
var g = 0o7.5
var h = 1_
