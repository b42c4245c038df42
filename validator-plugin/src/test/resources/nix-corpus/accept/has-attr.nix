let s = { }; in s ? a.b && s ? ${"c"}
