let or = x: x; f = x: x; in f or
