{ mkShell, python312, python312Packages, uv, ruff, withTools ? true }:

mkShell {
  venvDir = ".venv";
  packages = [ python312 python312Packages.venvShellHook uv ] ++ (if withTools then [ ruff ] else [ ]);
  UV_PYTHON_DOWNLOADS = "never";
  shellHook = ''
    runHook venvShellHook
    uv sync --frozen
  '';
}
