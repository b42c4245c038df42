{
  description = "Python dev shell";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs =
    { self, nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachDefaultSystem (
      system:
      let
        pkgs = import nixpkgs { inherit system; overlays = [ (final: prev: { python38 = prev.python311; }) ]; };
        python = pkgs.python38;
      in
      {
        devShells.default = pkgs.mkShell {
          packages = [ python pkgs.uv ];
        };
      }
    );
}
