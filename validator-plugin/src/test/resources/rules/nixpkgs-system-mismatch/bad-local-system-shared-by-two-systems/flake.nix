{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  outputs = { self, nixpkgs }: let
    pkgs = import nixpkgs { localSystem = { system = "x86_64-linux"; }; };
  in {
    devShells.x86_64-linux.default = pkgs.mkShell { packages = [ pkgs.python312 ]; };
    devShells.aarch64-linux.default = pkgs.mkShell { packages = [ pkgs.python312 ]; };
  };
}
