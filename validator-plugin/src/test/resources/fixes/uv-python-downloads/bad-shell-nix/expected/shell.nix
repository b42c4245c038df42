{ pkgs ? import <nixpkgs> { } }:

pkgs.mkShell {
  packages = [
    pkgs.python312
    pkgs.uv
  ];
  UV_PYTHON_DOWNLOADS = "never";
  shellHook = ''
    uv sync
    source .venv/bin/activate
  '';
}
