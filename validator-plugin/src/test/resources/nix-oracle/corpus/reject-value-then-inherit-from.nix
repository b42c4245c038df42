let x = {}; in { a = 1; inherit (x) a; }
