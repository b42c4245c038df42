let a = {}; in a.b.c.d.e.f.g.h or 1
