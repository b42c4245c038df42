let a = {}; c = 1; in -a.b or c
