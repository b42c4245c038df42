let
  # pinned by hand; bump the revision to update
  pkgs = import (builtins.fetchTarball {
    url = "https://github.com/NixOS/nixpkgs/archive/nixos-24.11.tar.gz";
    sha256 = "1x2y3z4w5v6u7t8s9r0q1p2o3n4m5l6k7j8i9h0g1f2e3d4c5b6a";
  }) { };
in
with pkgs;
mkShell {
  buildInputs = [
    python311
    uv
    git
  ];
  shellHook = ''
    export UV_PYTHON=${python311}/bin/python
    uv sync
    source .venv/bin/activate
  '';
}
