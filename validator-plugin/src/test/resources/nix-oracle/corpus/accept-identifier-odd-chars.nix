let a'-b_c' = 1; _x = a'-b_c'; in _x
