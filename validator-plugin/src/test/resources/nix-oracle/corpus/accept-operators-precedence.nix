let a = 1; b = 2; l = [ ]; s = { }; in [ (a + b * -a - b / a) (l ++ l ++ [ 1 ]) (s // s // { }) (!true || false && true -> false) (a < b == true) (!s ? x) (- a) ]
