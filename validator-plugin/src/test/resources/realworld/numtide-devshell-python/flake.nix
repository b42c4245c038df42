{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
    devshell = {
      url = "github:numtide/devshell";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { self, nixpkgs, flake-utils, devshell }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = import nixpkgs {
          inherit system;
          overlays = [ devshell.overlays.default ];
        };
        python = pkgs.python312;
      in
      {
        devShells.default = pkgs.devshell.mkShell {
          name = "etl-jobs";
          packages = [ python pkgs.uv pkgs.duckdb ];
          env = [
            { name = "UV_PYTHON"; value = "${python}/bin/python3"; }
            { name = "UV_PYTHON_DOWNLOADS"; value = "never"; }
            { name = "DUCKDB_HOME"; eval = "$PRJ_ROOT/.duckdb"; }
          ];
          commands = [
            { name = "sync"; help = "install the locked dependencies"; command = "uv sync --frozen"; }
            { name = "jobs"; help = "run the job runner"; command = "uv run python -m etl_jobs \"$@\""; }
          ];
          devshell.startup.venv.text = ''
            [ -d "$PRJ_ROOT/.venv" ] || uv venv "$PRJ_ROOT/.venv"
            source "$PRJ_ROOT/.venv/bin/activate"
          '';
        };
      });
}
