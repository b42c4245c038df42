"abc ${ "x" }
