<nixpkgs>/x
