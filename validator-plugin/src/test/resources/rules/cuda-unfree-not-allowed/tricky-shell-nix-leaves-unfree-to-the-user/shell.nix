# nix-shell evaluates impurely: NIXPKGS_ALLOW_UNFREE=1 or the user's ~/.config/nixpkgs/config.nix may allow the toolkit
{ pkgs ? import <nixpkgs> { } }:
pkgs.mkShell {
  packages = [ pkgs.python3 pkgs.cudaPackages.cudatoolkit ];
  LD_LIBRARY_PATH = "${pkgs.cudaPackages.cudatoolkit}/lib:/run/opengl-driver/lib";
}
