{
  description = "A table by system, and the flake's own outputs selected with their system";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.11";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs =
    { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-linux" ] (
      system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
        # a lookup table that lacks one system fails there: a missing entry, not a missed system level
        arch = { x86_64-linux = "x86-64-v3"; }.${system} or "generic";
      in
      {
        packages.cli = pkgs.ripgrep;
        devShells.default = pkgs.mkShell {
          packages = [ pkgs.python312 self.packages.${system}.cli ];
          MARCH = arch;
        };
      }
    );
}
