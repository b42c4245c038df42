{ pkgs, ... }:
{
  env = [
    { name = "UV_PYTHON"; value = "${pkgs.python312}/bin/python3"; }
  ];
}
