package main

import (
	"os"
	`fmt
)
