let f = x: x; in f if true then 1 else 2
