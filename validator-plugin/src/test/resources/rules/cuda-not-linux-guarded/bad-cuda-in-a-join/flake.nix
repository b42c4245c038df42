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
          config = {
            allowUnfree = true;
            cudaSupport = true;
          };
        };
        cuda = pkgs.symlinkJoin {
          name = "cuda";
          paths = [ pkgs.cudaPackages.cudatoolkit pkgs.cudaPackages.cudnn ];
        };
      in
      {
        devShells.default = pkgs.mkShell {
          venvDir = ".venv";
          packages = [ pkgs.python312 pkgs.python312Packages.venvShellHook pkgs.uv ];
          UV_PYTHON_DOWNLOADS = "never";
          postShellHook = ''
            export CUDA_PATH=${cuda}
            export LD_LIBRARY_PATH=${cuda}/lib:/run/opengl-driver/lib:$LD_LIBRARY_PATH
          '';
        };
      });
}
