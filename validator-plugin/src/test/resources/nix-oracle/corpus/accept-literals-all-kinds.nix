[ 0 42 007 9223372036854775807 1.5 .5 1. 1.e5 2.5E-3 ./a/b.nix ../x /abs ~/dot a/b <nixpkgs> <nixpkgs/lib> https://example.org/a?b=c github:NixOS/nixpkgs true null ]
