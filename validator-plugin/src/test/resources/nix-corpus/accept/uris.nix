[ https://example.com/a?b=c github:NixOS/nixpkgs a:b ]
