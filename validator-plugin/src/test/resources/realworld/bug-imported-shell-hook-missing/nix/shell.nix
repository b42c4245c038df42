{ pkgs, python ? pkgs.python312 }:

pkgs.mkShell {
  venvDir = ".venv";
  packages = [ python pkgs.uv pkgs.ruff ];
  UV_PYTHON_DOWNLOADS = "never";
  shellHook = ''
    runHook venvShellHook
    uv sync --frozen
  '';
}
