{
  description = "fixture";

  inputs = {
    nixpkgs.url = "https://channels.nixos.org/nixos-24.05/nixexprs.tar.xz";
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
