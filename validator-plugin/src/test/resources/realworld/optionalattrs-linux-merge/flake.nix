{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
        lib = pkgs.lib;
      in
      {
        devShells.default = pkgs.mkShell ({
          venvDir = ".venv";
          packages = [
            pkgs.python312
            pkgs.python312Packages.venvShellHook
            pkgs.uv
          ];
          UV_PYTHON_DOWNLOADS = "never";
        } // lib.optionalAttrs pkgs.stdenv.isLinux {
          LD_LIBRARY_PATH = lib.makeLibraryPath [ pkgs.stdenv.cc.cc pkgs.libGL pkgs.glib ];
        } // lib.optionalAttrs pkgs.stdenv.isDarwin {
          DYLD_FALLBACK_LIBRARY_PATH = "${pkgs.libiconv}/lib";
        });
      });
}
