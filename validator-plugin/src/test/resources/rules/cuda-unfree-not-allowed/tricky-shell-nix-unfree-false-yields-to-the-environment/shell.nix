# nix-shell is impure: check-meta.nix allows unfree when NIXPKGS_ALLOW_UNFREE=1, whatever config.allowUnfree says
let
  pkgs = import <nixpkgs> { config = { allowUnfree = false; cudaSupport = true; }; };
in
pkgs.mkShell {
  packages = [ pkgs.python3 pkgs.cudaPackages.cudatoolkit ];
}
