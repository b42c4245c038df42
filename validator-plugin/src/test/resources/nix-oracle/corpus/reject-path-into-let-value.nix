{ a = let x = {}; in x; a.b = 1; }
