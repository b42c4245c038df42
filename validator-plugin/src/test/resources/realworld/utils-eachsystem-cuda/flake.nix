{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachSystem [ "x86_64-linux" ] (system:
      let
        pkgs = import nixpkgs {
          inherit system;
          config.allowUnfree = true;
          config.cudaSupport = true;
        };
        cuda = pkgs.cudaPackages;
        libraryPath = pkgs.lib.makeLibraryPath [
          pkgs.stdenv.cc.cc
          pkgs.zlib
          cuda.cudatoolkit
          cuda.cudnn
          cuda.nccl
        ];
      in
      {
        devShells.default = pkgs.mkShell {
          venvDir = ".venv";
          packages = [ pkgs.python312 pkgs.python312Packages.venvShellHook pkgs.uv ];
          UV_PYTHON_DOWNLOADS = "never";
          postShellHook = ''
            export LD_LIBRARY_PATH=${libraryPath}:/run/opengl-driver/lib
            export CUDA_HOME=${cuda.cudatoolkit}
          '';
        };
      });
}
