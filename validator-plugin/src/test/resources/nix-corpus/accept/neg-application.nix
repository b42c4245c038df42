f: -f 1
