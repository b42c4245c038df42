{ pkgs, ... }:
{
  packages = [ pkgs.git ];
  languages.python = {
    enable = true;
    uv.enable = true;
  };
}
