/* block */ # line
	{ a /* x */ = # y
 1 ; } 
# trailing