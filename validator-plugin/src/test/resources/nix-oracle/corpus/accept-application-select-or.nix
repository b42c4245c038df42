let s = { a.b = 1; }; f = x: y: x; in f s.a.b or 2 s.x or (f 1 2)
