let a-1 = 2; in a-1
