[ ./a ../b/c /abs/path ~/home a/b <nixpkgs> <nixpkgs/lib> ]
