let a = 1; b = true; in a * !b
