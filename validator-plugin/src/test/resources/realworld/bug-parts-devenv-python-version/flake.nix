{
  description = "Sensor ETL: devenv as a flake-parts module";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-parts.url = "github:hercules-ci/flake-parts";
    devenv.url = "github:cachix/devenv";
    devenv.inputs.nixpkgs.follows = "nixpkgs";
  };

  outputs =
    inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      imports = [ inputs.devenv.flakeModule ];
      systems = [ "x86_64-linux" "aarch64-linux" "aarch64-darwin" ];

      perSystem =
        { pkgs, ... }:
        {
          devenv.shells.default = {
            languages.python = {
              enable = true;
              version = "3.11";
              uv.enable = true;
              venv.enable = true;
            };
            packages = [ pkgs.duckdb ];
            env.ETL_OUTPUT = "data/parquet";
          };
        };
    };
}
