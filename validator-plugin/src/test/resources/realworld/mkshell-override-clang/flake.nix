{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
        mkClangShell = pkgs.mkShell.override { stdenv = pkgs.clangStdenv; };
      in
      {
        devShells.default = mkClangShell {
          venvDir = ".venv";
          packages = with pkgs; [
            python313
            python313Packages.venvShellHook
            uv
            cmake
            ninja
          ];
          UV_PYTHON_DOWNLOADS = "never";
        };
      });
}
