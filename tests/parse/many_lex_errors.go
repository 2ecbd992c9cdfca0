package main

var s = []string{
	'ab',
	'ab',
	'ab',
	'ab',
	'ab',
	'ab',
	'ab',
	'ab',
	'ab',
	'ab',
	'ab',
	'ab',
}
