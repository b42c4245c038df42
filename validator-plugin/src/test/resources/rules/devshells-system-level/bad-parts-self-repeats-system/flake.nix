{
  description = "flake-parts: self' is already this system's outputs";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.11";
    flake-parts.url = "github:hercules-ci/flake-parts";
  };

  outputs =
    inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" "aarch64-linux" ];
      perSystem =
        { self', pkgs, system, ... }:
        {
          packages.cli = pkgs.ripgrep;
          devShells.default = pkgs.mkShell {
            packages = [
              pkgs.python312
              self'.packages.${system}.cli
            ];
          };
        };
    };
}
