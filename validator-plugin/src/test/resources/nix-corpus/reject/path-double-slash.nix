a/b//c
