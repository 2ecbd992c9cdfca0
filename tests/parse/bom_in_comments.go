package main

func main() {
	// a ﻿ here
	/* and ﻿ here */
	println("x﻿y", `r﻿s`, '﻿a')
}
