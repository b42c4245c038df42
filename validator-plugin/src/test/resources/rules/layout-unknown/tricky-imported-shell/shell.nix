{ pkgs }:
pkgs.mkShell { packages = [ pkgs.python311 ]; }
