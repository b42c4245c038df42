{ ... }:
{
  perSystem = { pkgs, ... }:
    let
      python = pkgs.python311;
    in
    {
      devShells.default = pkgs.mkShell {
        name = "forecast";
        venvDir = ".venv";
        packages = [
          python
          python.pkgs.venvShellHook
          pkgs.uv
        ];
        UV_PYTHON_DOWNLOADS = "never";
        postVenvCreation = ''
          uv sync --frozen
        '';
      };
    };
}
