let a = true; b = { }; in !a -> b ? c || -1 + 2 * 3 ++ [ ] == [ ]
