{
  description = "Diffusion fine-tuning workbench";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-parts.url = "github:hercules-ci/flake-parts";
    flake-parts.inputs.nixpkgs-lib.follows = "nixpkgs";
  };

  outputs = inputs:
    inputs.flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" ];

      perSystem = { system, pkgs, lib, ... }: {
        _module.args.pkgs = import inputs.nixpkgs {
          inherit system;
          config = {
            allowUnfree = true;
            cudaSupport = true;
          };
        };

        devShells.default =
          let
            runtimeLibs = [
              pkgs.stdenv.cc.cc
              pkgs.zlib
              pkgs.libGL
              pkgs.glib
              pkgs.cudaPackages.cudatoolkit
              pkgs.cudaPackages.cudnn
            ];
          in
          pkgs.mkShell {
            venvDir = ".venv";
            packages = [
              pkgs.python311
              pkgs.python311Packages.venvShellHook
              pkgs.uv
            ];
            UV_PYTHON_DOWNLOADS = "never";
            NIX_LD_LIBRARY_PATH = lib.makeLibraryPath runtimeLibs;
            postShellHook = ''
              export LD_LIBRARY_PATH=/run/opengl-driver/lib:$NIX_LD_LIBRARY_PATH
            '';
          };
      };
    };
}
