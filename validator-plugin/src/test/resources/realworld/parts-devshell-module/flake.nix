{
  description = "Speech tagger: numtide devshell as a flake-parts module";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-parts.url = "github:hercules-ci/flake-parts";
    flake-parts.inputs.nixpkgs-lib.follows = "nixpkgs";
    devshell.url = "github:numtide/devshell";
    devshell.inputs.nixpkgs.follows = "nixpkgs";
  };

  outputs =
    inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      imports = [ inputs.devshell.flakeModule ];
      systems = [ "x86_64-linux" "aarch64-darwin" ];
      perSystem =
        { pkgs, ... }:
        {
          devshells.default = {
            packages = [
              pkgs.python312
              pkgs.uv
              pkgs.ruff
            ];
            env = [
              { name = "UV_PYTHON_DOWNLOADS"; value = "never"; }
              { name = "UV_PYTHON"; value = "${pkgs.python312}/bin/python3.12"; }
            ];
            commands = [
              { name = "tests"; command = "uv run pytest"; help = "run the test suite"; }
            ];
            devshell.startup.sync.text = ''
              uv sync --frozen
              source .venv/bin/activate
            '';
          };
        };
    };
}
