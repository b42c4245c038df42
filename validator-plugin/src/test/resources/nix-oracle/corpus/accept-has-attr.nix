let s = { a.b = 1; }; k = "b"; in [ (s ? a.b) (s ? "a") (s ? ${k}) (s ? a || false) ]
