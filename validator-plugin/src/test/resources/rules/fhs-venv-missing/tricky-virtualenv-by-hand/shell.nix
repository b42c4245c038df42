# An FHS environment for pip: the user makes the venv by hand with the virtualenv it provides
{ pkgs ? import <nixpkgs> { } }:
(pkgs.buildFHSEnv {
  name = "pip-env";
  targetPkgs = pkgs: with pkgs; [
    python312
    python312Packages.pip
    python312Packages.virtualenv
    zlib
  ];
  runScript = "bash";
}).env
