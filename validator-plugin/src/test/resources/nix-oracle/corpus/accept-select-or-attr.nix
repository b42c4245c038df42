let x = { or = 1; }; in x.or
