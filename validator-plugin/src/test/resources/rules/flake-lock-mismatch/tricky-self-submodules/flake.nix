{
  description = "fixture";

  inputs = {
    # how the flake's own source is fetched (Nix 2.27): no input, never in flake.lock
    self.submodules = true;
    self.lfs = true;
    nixpkgs.url = "nixpkgs";
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
