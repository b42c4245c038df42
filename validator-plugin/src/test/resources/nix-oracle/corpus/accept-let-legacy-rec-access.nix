let { a = 1; body = a + b; b = 2; }
