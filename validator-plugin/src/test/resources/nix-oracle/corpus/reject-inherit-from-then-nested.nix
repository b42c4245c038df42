let x = {}; in { inherit (x) a; a.b = 1; }
