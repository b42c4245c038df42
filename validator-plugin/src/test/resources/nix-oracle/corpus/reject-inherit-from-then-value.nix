let x = {}; in { inherit (x) a; a = 1; }
