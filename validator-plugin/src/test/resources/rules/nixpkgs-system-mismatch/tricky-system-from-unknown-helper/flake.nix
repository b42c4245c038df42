{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  inputs.flake-utils.url = "github:numtide/flake-utils";
  inputs.other.url = "github:example/other";
  outputs = { self, nixpkgs, flake-utils, other }:
    flake-utils.lib.eachDefaultSystem (system:
      let pkgs = import nixpkgs { system = other.lib.hostSystem; }; in {
        devShells.default = pkgs.mkShell { packages = [ pkgs.python312 ]; };
      });
}
