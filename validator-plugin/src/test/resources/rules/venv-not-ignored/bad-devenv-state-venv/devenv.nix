{ pkgs, ... }:
{
  languages.python = {
    enable = true;
    package = pkgs.python312; # its venv module writes no .gitignore into the venv (3.13 does)
    venv.enable = true;
    venv.requirements = ''
      requests
    '';
  };
}
