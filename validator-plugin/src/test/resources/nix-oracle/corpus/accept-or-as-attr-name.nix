let s = { or = 1; }; in s.or
