{
  description = "fixture: a fork's own branch (left to nixpkgs-owner) next to a fork's end-of-life release";

  inputs = {
    nixpkgs.url = "github:example/nixpkgs/patched-nixos-unstable";
    nixpkgs-old.url = "github:example/nixpkgs/nixos-24.11";
  };

  outputs =
    { self, nixpkgs, ... }:
    let
      system = "x86_64-linux";
      pkgs = import nixpkgs { inherit system; };
    in
    {
      devShells.${system}.default = pkgs.mkShell { packages = [ pkgs.python312 ]; };
    };
}
