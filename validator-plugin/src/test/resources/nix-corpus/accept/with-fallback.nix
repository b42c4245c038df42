with import <nixpkgs> { }; mkShell { packages = [ python3 cudatoolkit ]; }
