with a; b
