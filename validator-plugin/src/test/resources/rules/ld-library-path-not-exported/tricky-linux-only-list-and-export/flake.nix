{
  description = "The library list and its export both only on Linux: on Darwin the shell has neither";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs =
    { nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachDefaultSystem (
      system:
      let
        isLinux = nixpkgs.lib.hasSuffix "-linux" system;
        pkgs = import nixpkgs { inherit system; };
      in
      {
        devShells.default = pkgs.mkShell (
          {
            packages = [ pkgs.python312 pkgs.uv ];
            UV_PYTHON_DOWNLOADS = "never";
            shellHook = ''
              ${if isLinux then "export LD_LIBRARY_PATH=$NIX_LD_LIBRARY_PATH" else ""}
              uv sync
              source .venv/bin/activate
            '';
          }
          // pkgs.lib.optionalAttrs isLinux {
            NIX_LD_LIBRARY_PATH = pkgs.lib.makeLibraryPath [ pkgs.zlib pkgs.stdenv.cc.cc ];
          }
        );
      }
    );
}
