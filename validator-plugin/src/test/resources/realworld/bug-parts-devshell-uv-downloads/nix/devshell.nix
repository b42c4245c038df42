{ ... }:
{
  perSystem =
    { pkgs, ... }:
    {
      devshells.default = {
        packages = [ pkgs.uv ];
        commands = [
          { name = "sync"; command = "uv sync"; help = "install the locked dependencies"; }
        ];
        devshell.startup.sync.text = ''
          uv sync --quiet
          source "$PRJ_ROOT/.venv/bin/activate"
        '';
      };
    };
}
