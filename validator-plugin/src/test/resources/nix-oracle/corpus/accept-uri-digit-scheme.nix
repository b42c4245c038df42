1a:b
