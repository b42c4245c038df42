let x = {}; in x ? "${y}"
