{ pkgs, ... }:
{
  packages = [ pkgs.git ];
}
