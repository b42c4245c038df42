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
          config = { allowUnfree = true; cudaSupport = true; };
        };
        linux = pkgs.stdenv.hostPlatform.isLinux;
        gpuLibs = if linux then [ pkgs.cudaPackages.cudatoolkit pkgs.cudaPackages.cudnn ] else [ ];
      in
      {
        devShells.default = pkgs.mkShell {
          venvDir = ".venv";
          packages = [ pkgs.python312 pkgs.python312Packages.venvShellHook pkgs.uv ];
          UV_PYTHON_DOWNLOADS = "never";
          NIX_LD_LIBRARY_PATH = pkgs.lib.makeLibraryPath ([ pkgs.stdenv.cc.cc pkgs.zlib ] ++ gpuLibs);
          postShellHook = ''
            export LD_LIBRARY_PATH=$NIX_LD_LIBRARY_PATH:/run/opengl-driver/lib
          '' + pkgs.lib.optionalString linux ''
            export CUDA_PATH=${pkgs.cudaPackages.cudatoolkit}
          '';
        };
      });
}
