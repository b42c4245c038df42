{
  description = "CUDA only on Linux, merged into the shell's arguments with optionalAttrs";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs =
    { nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachDefaultSystem (
      system:
      let
        pkgs = import nixpkgs {
          inherit system;
          config.allowUnfree = true;
          config.cudaSupport = true;
        };
        lib = pkgs.lib;
      in
      {
        devShells.default = pkgs.mkShell (
          {
            packages = [
              pkgs.python312
              pkgs.uv
            ];
            UV_PYTHON_DOWNLOADS = "never";
          }
          // lib.optionalAttrs pkgs.stdenv.isLinux {
            packages = [
              pkgs.python312
              pkgs.uv
              pkgs.cudatoolkit
            ];
          }
        );
      }
    );
}
