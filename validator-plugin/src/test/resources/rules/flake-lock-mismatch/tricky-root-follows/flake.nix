{
  description = "fixture";

  inputs = {
    nixpkgs_master.url = "github:NixOS/nixpkgs/master";
    nixpkgs.follows = "nixpkgs_master";
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
