# nix-shell (or direnv's `use nix`) enters this; nixpkgs comes from NIX_PATH unless pkgs is passed in.
{ pkgs ? import <nixpkgs> { config.allowUnfree = true; } }:

let
  python = pkgs.python312;
in
pkgs.mkShell {
  name = "audio-tagger";

  packages = [
    python
    python.pkgs.venvShellHook
    pkgs.uv
    pkgs.ffmpeg
  ];

  venvDir = ".venv";
  UV_PYTHON_DOWNLOADS = "never";
  LD_LIBRARY_PATH = pkgs.lib.makeLibraryPath [ pkgs.stdenv.cc.cc pkgs.zlib ];

  postVenvCreation = ''
    uv pip install -e .
  '';
}
