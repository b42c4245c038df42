let a-b = 1; a' = 2; _x = 3; in [ a-b a' _x ]
