{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-parts.url = "github:hercules-ci/flake-parts";
    flake-parts.inputs.nixpkgs-lib.follows = "nixpkgs";
  };

  outputs = inputs@{ flake-parts, nixpkgs, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" ];
      perSystem = { system, pkgs, ... }: {
        _module.args.pkgs = import nixpkgs {
          inherit system;
          config.cudaSupport = true;
        };
        devShells.default = pkgs.mkShell {
          venvDir = ".venv";
          packages = [ pkgs.python312 pkgs.python312Packages.venvShellHook pkgs.uv ];
          UV_PYTHON_DOWNLOADS = "never";
          LD_LIBRARY_PATH = "${pkgs.lib.makeLibraryPath [
            pkgs.stdenv.cc.cc
            pkgs.cudaPackages.cudatoolkit
            pkgs.cudaPackages.cudnn
          ]}:/run/opengl-driver/lib";
        };
      };
    };
}
