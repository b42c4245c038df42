x: y: x y
