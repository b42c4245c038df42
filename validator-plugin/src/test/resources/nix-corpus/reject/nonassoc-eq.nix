x: x == x == x
