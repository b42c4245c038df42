{ a = x:x; }
