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
        python = pkgs.python312.withPackages (ps: [ ps.numpy ps.scipy ]);
      in
      {
        devShells.default = pkgs.mkShell {
          venvDir = ".venv";
          packages = [
            python
            unstable.python312Packages.venvShellHook
            unstable.uv
          ];
          UV_PYTHON_DOWNLOADS = "never";
        };
      });
}
