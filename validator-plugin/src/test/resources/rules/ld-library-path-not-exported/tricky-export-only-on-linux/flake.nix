{
  description = "The library list everywhere, its export only on Linux: macOS wheels never read LD_LIBRARY_PATH";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
  inputs.flake-utils.url = "github:numtide/flake-utils";
  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let pkgs = nixpkgs.legacyPackages.${system};
          lib = pkgs.lib;
      in {
        devShells.default = pkgs.mkShell ({
          packages = [ pkgs.python312 pkgs.uv ];
          UV_PYTHON_DOWNLOADS = "never";
          NIX_LD_LIBRARY_PATH = lib.makeLibraryPath [ pkgs.stdenv.cc.cc pkgs.zlib ];
        } // lib.optionalAttrs pkgs.stdenv.isLinux {
          shellHook = ''
            export LD_LIBRARY_PATH=$NIX_LD_LIBRARY_PATH
          '';
        });
      });
}
