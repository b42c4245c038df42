{ pkgs }:

pkgs.mkShell {
  packages = [ pkgs.python311 pkgs.python311Packages.venvShellHook pkgs.uv ];
  venvDir = ".venv";
  UV_PYTHON_DOWNLOADS = "never";
  shellHook = ''
    echo "entering the shell"
  '';
}
