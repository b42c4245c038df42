{
  description = "Vision models; moved into eachDefaultSystem with its system still written";

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
        devShells.x86_64-linux.default = pkgs.mkShell {
          packages = [ pkgs.python311 pkgs.uv ];
        };
      });
}
