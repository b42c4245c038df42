let { inherit (body) a; body = {}; }
