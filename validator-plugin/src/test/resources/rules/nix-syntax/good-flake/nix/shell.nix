{ pkgs }:
# a helper module
pkgs.mkShell { }
