{
  description = "Vision models; devShells.<system> written with an interpolation inside eachDefaultSystem: the model cannot name the key, so it stays silent";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        devShells.${system}.default = pkgs.mkShell {
          packages = [ pkgs.python311 pkgs.uv ];
        };
      });
}
