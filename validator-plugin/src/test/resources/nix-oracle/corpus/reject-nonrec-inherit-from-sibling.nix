{ x = {}; inherit (x) a; }
