{ pkgs, ... }:
{
  # no version: devenv's default interpreter, pkgs.python3 of the nixpkgs in devenv.yaml
  languages.python.enable = true;
  languages.python.venv.enable = true;
}
