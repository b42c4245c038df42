# allowUnfree = false written out: only NIXPKGS_ALLOW_UNFREE=1 in the environment would let nix-shell build the toolkit
let
  pkgs = import <nixpkgs> { config = { allowUnfree = false; cudaSupport = true; }; };
in
pkgs.mkShell {
  packages = [ pkgs.python3 pkgs.cudaPackages.cudatoolkit ];
}
