{
  description = "Audio clips: numtide devshell as a flake-parts module, split over two modules";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-parts.url = "github:hercules-ci/flake-parts";
    devshell.url = "github:numtide/devshell";
    devshell.inputs.nixpkgs.follows = "nixpkgs";
  };

  outputs =
    inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      imports = [
        inputs.devshell.flakeModule
        ./nix/devshell.nix
      ];
      systems = [ "x86_64-linux" "aarch64-linux" ];

      perSystem =
        { pkgs, ... }:
        {
          devshells.default = {
            name = "audio-clips";
            packages = [ pkgs.python312 pkgs.ffmpeg ];
            env = [
              { name = "CLIPS_DIR"; value = "data/clips"; }
            ];
          };
        };
    };
}
