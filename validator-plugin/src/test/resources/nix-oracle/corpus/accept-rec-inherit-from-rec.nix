rec { inherit (x) a; x = {}; }
