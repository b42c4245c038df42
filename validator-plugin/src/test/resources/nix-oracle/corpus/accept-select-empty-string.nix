let a = {}; in a.""
