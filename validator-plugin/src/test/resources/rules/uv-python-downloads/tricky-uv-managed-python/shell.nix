{ pkgs ? import <nixpkgs> { } }:

# no interpreter from Nix: the project's Python (3.8, gone from nixpkgs) is uv's to fetch
pkgs.mkShell {
  packages = [
    pkgs.uv
    pkgs.zlib
  ];
  shellHook = ''
    uv python install 3.8
    uv sync
    source .venv/bin/activate
  '';
}
