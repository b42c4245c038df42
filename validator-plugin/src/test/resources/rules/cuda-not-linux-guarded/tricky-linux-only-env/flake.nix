{
  description = "CUDA in variables that only Linux has (env = { … } // lib.optionalAttrs isLinux { … })";

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
        devShells.default = pkgs.mkShell {
          packages = [
            pkgs.python312
            pkgs.uv
          ];
          env = {
            UV_PYTHON_DOWNLOADS = "never";
          }
          // lib.optionalAttrs pkgs.stdenv.isLinux {
            CUDA_PATH = "${pkgs.cudaPackages.cudatoolkit}";
            LD_LIBRARY_PATH = lib.makeLibraryPath [
              pkgs.cudaPackages.cudatoolkit
              pkgs.stdenv.cc.cc
            ];
          };
        };
      }
    );
}
