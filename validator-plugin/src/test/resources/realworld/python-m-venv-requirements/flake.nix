{
  description = "Old-school Flask app";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        devShells.default = pkgs.mkShell {
          buildInputs = [ pkgs.python311 pkgs.sqlite ];
          shellHook = ''
            if [ ! -d venv ]; then
              python -m venv venv
              ./venv/bin/pip install -r requirements.txt
            fi
            source venv/bin/activate
          '';
        };
      });
}
