<nixpkgs/../x>
