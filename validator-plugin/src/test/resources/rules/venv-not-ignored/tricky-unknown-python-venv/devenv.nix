{ pkgs, ... }:
{
  # devenv's default python3: its version is the pinned nixpkgs', which the model cannot tell here, and
  # `python -m venv` writes the venv's own .gitignore from 3.13 on: no evidence either way, no finding
  languages.python = {
    enable = true;
    venv.enable = true;
    venv.requirements = ''
      requests
    '';
  };
}
