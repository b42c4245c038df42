let s = { }; in [ 1.5 (s.x or 1.) ]
