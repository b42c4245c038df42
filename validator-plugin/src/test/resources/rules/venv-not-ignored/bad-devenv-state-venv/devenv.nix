{ pkgs, ... }:
{
  languages.python = {
    enable = true;
    venv.enable = true;
    venv.requirements = ''
      requests
    '';
  };
}
