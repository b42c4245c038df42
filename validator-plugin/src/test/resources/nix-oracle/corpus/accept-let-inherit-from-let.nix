let inherit (x) a; x = {}; in a
