let x = y: y; in x or
