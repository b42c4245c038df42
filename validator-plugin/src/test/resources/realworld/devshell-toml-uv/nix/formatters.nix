{ pkgs, config, ... }:
{
  commands = [
    { package = pkgs.ruff; category = "formatters"; }
  ];
  devshell.startup.greeting.text = ''
    echo "${config.devshell.name}: run 'menu' for the commands"
  '';
}
