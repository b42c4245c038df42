x: x < x < x
