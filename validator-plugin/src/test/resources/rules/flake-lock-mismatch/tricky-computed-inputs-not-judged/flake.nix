let
  release = "nixos-26.05";
  sources = {
    nixpkgs.url = "github:NixOS/nixpkgs/${release}";
  };
in
{
  description = "fixture";
  inputs = sources // {
    systems.url = "github:nix-systems/default";
  };
  outputs =
    { self, nixpkgs, ... }@inputs:
    let
      system = "x86_64-linux";
      pkgs = import nixpkgs { inherit system; };
    in
    {
      devShells.${system}.default = pkgs.mkShell { packages = [ pkgs.python312 ]; };
    };
}
