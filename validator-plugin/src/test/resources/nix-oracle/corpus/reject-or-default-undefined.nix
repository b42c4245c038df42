let x = {}; in x.a or nope
