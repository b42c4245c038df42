let a = {}; b = "x"; d = 1; in a.${b}.c or d
