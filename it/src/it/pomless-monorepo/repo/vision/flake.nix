{
  description = "A hand-written dev shell: Python 3.12 in a venv, uv, no CUDA";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = import nixpkgs { inherit system; };
        # Libraries that pip/uv wheels load at run time.
        runtimeLibs = with pkgs; [ stdenv.cc.cc zlib ];
      in
      {
        devShells.default = pkgs.mkShell {
          venvDir = ".venv";
          packages = [
            pkgs.python312
            pkgs.python312Packages.venvShellHook
            pkgs.uv
          ] ++ runtimeLibs;
          NIX_LD_LIBRARY_PATH = pkgs.lib.makeLibraryPath runtimeLibs;
          shellHook = ''
            export UV_PYTHON_DOWNLOADS=never
            export LD_LIBRARY_PATH="$NIX_LD_LIBRARY_PATH:$LD_LIBRARY_PATH"
            runHook venvShellHook
          '';
        };
      });
}
