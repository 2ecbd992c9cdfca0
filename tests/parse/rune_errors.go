package main

var a = ''
var b = 'ab'
var c = '\q'
var d = "\400"
var e = "\xZZ"
var f = '\uD800'
