rec {
  description = "fixture";
  # Inputs in a rec set, spread over nested and dotted forms, with comments in between.
  inputs = {
    nixpkgs = {
      # the base package set
      url = "github:NixOS/nixpkgs/nixos-26.05"; # trailing comment
    };
    nixpkgs_master.url = /* inline */ "github:NixOS/nixpkgs/master";
    systems.url = "github:nix-systems/default";
    flake-utils = {
      url = "github:numtide/flake-utils";
      inputs.systems.follows = "systems";
    };
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
