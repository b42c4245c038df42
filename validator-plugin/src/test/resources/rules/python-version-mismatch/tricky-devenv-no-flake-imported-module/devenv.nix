{ pkgs, lib, ... }:
{
  imports = [ ./nix/python.nix ];

  packages = [ pkgs.git pkgs.jq ];
  env.APP_ENV = "dev";
}
