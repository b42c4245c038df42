let x = {}; y = {}; in x.a or y.b or 3
