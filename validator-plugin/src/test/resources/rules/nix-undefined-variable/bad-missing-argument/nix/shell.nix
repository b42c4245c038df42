{ lib }:
pkgs.mkShell {
  packages = [ lib.hello ];
}
