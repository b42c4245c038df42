{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
  };

  outputs = { nixpkgs, ... }: {
    devShells = nixpkgs.lib.genAttrs nixpkgs.lib.systems.flakeExposed (system:
      let
        pkgs = import nixpkgs { inherit system; };
        py = pkgs.python313;
      in {
        default = pkgs.mkShell {
          buildInputs = [
            py
            py.pkgs.venvShellHook
            pkgs.uv
          ];
          venvDir = "./.venv";
          UV_PYTHON_DOWNLOADS = "never";
          postShellHook = ''
            uv pip install -e . --quiet
          '';
        };
      });
  };
}
