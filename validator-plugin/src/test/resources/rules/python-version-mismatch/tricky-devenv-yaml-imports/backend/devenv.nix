{ pkgs, lib, ... }:
{
  languages.python.enable = true;
  languages.python.version = lib.mkForce "3.11";
}
