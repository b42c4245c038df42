# nix-shell on a fresh machine (no NIXPKGS_ALLOW_UNFREE, no ~/.config/nixpkgs/config.nix) refuses the toolkit
{ pkgs ? import <nixpkgs> { } }:
pkgs.mkShell {
  packages = [ pkgs.python3 pkgs.cudaPackages.cudatoolkit ];
  LD_LIBRARY_PATH = "${pkgs.cudaPackages.cudatoolkit}/lib:/run/opengl-driver/lib";
}
