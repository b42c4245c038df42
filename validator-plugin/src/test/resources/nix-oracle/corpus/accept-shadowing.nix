x: x: x
