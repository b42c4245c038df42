let x = {}; in x."if"
