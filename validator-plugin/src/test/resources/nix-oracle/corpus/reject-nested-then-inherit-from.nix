let x = {}; in { a.b = 1; inherit (x) a; }
