{ pkgs, lib, config, ... }:
{
  packages = [ pkgs.git ];

  languages.python = {
    enable = true;
    version = "3.11";
    uv.enable = true;
    uv.sync.enable = true;
  };

  enterShell = ''
    python --version
  '';
}
