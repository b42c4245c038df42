let a = {}; in a ? b || true
