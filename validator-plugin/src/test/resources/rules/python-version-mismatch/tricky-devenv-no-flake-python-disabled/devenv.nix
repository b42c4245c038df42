{ pkgs, ... }:
{
  packages = [ pkgs.nodejs ];
  # kept for later: python is not enabled, so devenv brings no interpreter
  languages.python = {
    enable = false;
    version = "3.11";
  };
}
