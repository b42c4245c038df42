assert true; if 1 < 2 then "y" else "n"
