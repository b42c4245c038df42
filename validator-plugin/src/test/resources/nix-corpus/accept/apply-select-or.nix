let s = { a = { b = 1; }; }; f = x: x; in f s.a.b or 2
