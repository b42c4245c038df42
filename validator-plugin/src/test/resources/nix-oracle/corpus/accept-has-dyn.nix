let x = {}; y = "a"; in x ? ${y}
