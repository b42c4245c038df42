let n = "k"; in rec { a = 1; b.c.d = a; "quoted name" = 2; ${n} = 3; "${n}2" = 4; e = { inherit a; }; or = 5; }
