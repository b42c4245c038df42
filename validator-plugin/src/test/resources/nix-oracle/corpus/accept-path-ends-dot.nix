./a.nix.
