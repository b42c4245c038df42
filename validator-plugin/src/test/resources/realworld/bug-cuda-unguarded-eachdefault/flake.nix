{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = import nixpkgs {
          inherit system;
          config.allowUnfree = true;
          config.cudaSupport = true;
        };
        libs = with pkgs; [
          stdenv.cc.cc
          zlib
          cudaPackages.cudatoolkit
          cudaPackages.cudnn
          cudaPackages.nccl
        ];
      in
      {
        devShells.default = pkgs.mkShell {
          venvDir = ".venv";
          packages = [ pkgs.python311 pkgs.python311Packages.venvShellHook pkgs.uv ];
          UV_PYTHON_DOWNLOADS = "never";
          NIX_LD_LIBRARY_PATH = pkgs.lib.makeLibraryPath libs;
          postShellHook = ''
            export LD_LIBRARY_PATH=$NIX_LD_LIBRARY_PATH:/run/opengl-driver/lib
          '';
        };
      });
}
