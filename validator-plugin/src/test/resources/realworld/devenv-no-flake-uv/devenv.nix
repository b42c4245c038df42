{ pkgs, lib, ... }:
{
  packages = [
    pkgs.git
    pkgs.ruff
  ];

  env.UV_PYTHON_DOWNLOADS = "never";

  languages.python = {
    enable = true;
    version = "3.12";
    uv = {
      enable = true;
      sync.enable = true;
    };
    venv.enable = true;
  };

  enterShell = ''
    python --version
  '';
}
