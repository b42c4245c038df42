{
  description = "Dev shell for the parent repository";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        devShells.default = pkgs.mkShell {
          venvDir = ".venv";
          packages = [
            pkgs.python311
            pkgs.python311Packages.venvShellHook
            pkgs.uv
          ];
          UV_PYTHON_DOWNLOADS = "never";
        };
      });
}
