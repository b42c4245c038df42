{
  description = "uv as pip, but first `command uv venv --python 3.13`: that one fetches an interpreter";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs =
    { nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachSystem [ "x86_64-linux" ] (
      system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        devShells.default = pkgs.mkShell {
          venvDir = "./.venv";
          packages = [
            pkgs.python311
            pkgs.python311Packages.venvShellHook
            pkgs.uv
          ];
          LD_LIBRARY_PATH = pkgs.lib.makeLibraryPath [ pkgs.stdenv.cc.cc pkgs.zlib ];
          postShellHook = ''
            command uv venv --python 3.13 .venv
            uv pip sync requirements.txt
          '';
        };
      }
    );
}
