let a = { x = 1; }; a = { y = x; }; in a
