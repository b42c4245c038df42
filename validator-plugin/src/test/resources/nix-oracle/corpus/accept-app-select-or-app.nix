let f = x: y: x; a = {}; c = 1; d = 2; in f a.b or c d
