{ pkgs, lib, ... }:
let
  # the one place the team sets the interpreter
  pythonVersion = "3.11";
in
{
  languages.python = {
    enable = lib.mkDefault true;
    version = pythonVersion;
    venv.enable = true;
    venv.requirements = ./requirements.txt;
  };
}
