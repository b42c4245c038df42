assert x; 1
