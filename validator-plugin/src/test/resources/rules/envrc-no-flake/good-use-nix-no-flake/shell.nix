{ pkgs ? import <nixpkgs> { } }:
pkgs.mkShell {
  packages = [ pkgs.python312 pkgs.uv ];
  UV_PYTHON_DOWNLOADS = "never";
}
