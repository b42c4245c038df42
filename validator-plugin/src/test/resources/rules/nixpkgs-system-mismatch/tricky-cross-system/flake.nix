{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  inputs.flake-utils.url = "github:numtide/flake-utils";
  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let pkgs = import nixpkgs { inherit system; };
          x86 = import nixpkgs { system = "x86_64-linux"; crossSystem = "aarch64-linux"; }; in {
        devShells.default = pkgs.mkShell { packages = [ pkgs.python312 x86.hello ]; };
      });
}
