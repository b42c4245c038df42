{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    nixpkgs-unstable.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, nixpkgs-unstable, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
        unstable = nixpkgs-unstable.legacyPackages.${system};
        libs = with pkgs; [ stdenv.cc.cc zlib libffi openssl ];
      in
      {
        devShells.default = pkgs.mkShell {
          packages = [
            pkgs.python312
            pkgs.python312Packages.venvShellHook
            unstable.uv
          ];
          venvDir = ".venv";
          NIX_LD_LIBRARY_PATH = pkgs.lib.makeLibraryPath libs;
          UV_PYTHON_DOWNLOADS = "never";
          shellHook = ''
            export LD_LIBRARY_PATH=$NIX_LD_LIBRARY_PATH
            runHook venvShellHook
            uv sync
          '';
        };
      });
}
