{
  description = "Tabular forecasting experiments";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-parts = {
      url = "github:hercules-ci/flake-parts";
      inputs.nixpkgs-lib.follows = "nixpkgs";
    };
  };

  outputs = inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" "aarch64-linux" "aarch64-darwin" ];

      perSystem = { pkgs, ... }:
        let
          python = pkgs.python312;
        in
        {
          devShells.default = pkgs.mkShell {
            name = "forecast";
            venvDir = ".venv";
            packages = [
              python
              python.pkgs.venvShellHook
              pkgs.uv
              pkgs.ruff
            ];
            UV_PYTHON_DOWNLOADS = "never";
            postVenvCreation = ''
              uv sync --frozen
            '';
          };
          formatter = pkgs.nixfmt-rfc-style;
        };
    };
}
