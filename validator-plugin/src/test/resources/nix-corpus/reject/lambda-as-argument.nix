f: f x: x
