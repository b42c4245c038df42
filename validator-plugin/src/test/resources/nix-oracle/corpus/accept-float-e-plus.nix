let e = 1; in 1.5e+1
