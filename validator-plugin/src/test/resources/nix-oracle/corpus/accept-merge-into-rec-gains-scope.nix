{ a = rec { x = 1; }; a = { y = x; }; }
