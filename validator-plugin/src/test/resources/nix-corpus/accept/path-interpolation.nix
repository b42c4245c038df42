let x = "y"; in [ ./${x} ./a/${x}.nix ~/${x} /${x}/z ]
