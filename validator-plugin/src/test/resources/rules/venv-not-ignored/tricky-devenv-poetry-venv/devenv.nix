{ pkgs, lib, ... }:
{
  languages.python = {
    enable = true;
    # poetry installs into .venv in the project (POETRY_VIRTUALENVS_IN_PROJECT), not under .devenv, and makes
    # it with virtualenv, which writes a .gitignore of `*` into it: .devenv* is all the project has to ignore
    poetry = {
      enable = true;
      install.enable = true;
    };
  };
}
