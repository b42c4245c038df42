{ a = { x = 1; }; a = rec { y = x; }; }
