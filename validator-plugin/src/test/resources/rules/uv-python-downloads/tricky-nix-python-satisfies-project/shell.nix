{ pkgs ? import <nixpkgs> { } }:

pkgs.mkShell {
  packages = [
    pkgs.python312
    pkgs.uv
  ];
  shellHook = ''
    uv sync
    source .venv/bin/activate
  '';
}
