let x = "a"; ${x} = 1; in 1
