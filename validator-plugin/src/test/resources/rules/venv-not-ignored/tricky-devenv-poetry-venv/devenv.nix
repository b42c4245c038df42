{ pkgs, lib, ... }:
{
  languages.python = {
    enable = true;
    # poetry installs into .venv in the project (POETRY_VIRTUALENVS_IN_PROJECT), not under .devenv
    poetry = {
      enable = true;
      install.enable = true;
    };
  };
}
