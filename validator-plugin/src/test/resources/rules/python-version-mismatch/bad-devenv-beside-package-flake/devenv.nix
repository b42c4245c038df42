{ pkgs, ... }:
{
  packages = [ pkgs.git ];

  env.UV_PYTHON_DOWNLOADS = "never";

  languages.python = {
    enable = true;
    package = pkgs.python312;
    uv = {
      enable = true;
      sync.enable = true;
    };
    venv.enable = true;
  };
}
