{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        devShells.default = pkgs.mkShell {
          venvDir = ".venv";
          packages = [
            pkgs.python314
            pkgs.python314Packages.venvShellHook
            pkgs.uv
          ];
          UV_PYTHON_DOWNLOADS = "never";
        };
      });
}
