let x = {}; in rec { inherit (y) a; y = x; }
