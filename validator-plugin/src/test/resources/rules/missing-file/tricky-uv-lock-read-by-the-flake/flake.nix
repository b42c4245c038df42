{
  description = "A uv2nix build of another repository: the lock is data this flake reads, its pyproject the input's";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    upstream = {
      url = "github:example-org/survey";
      flake = false;
    };
  };

  outputs =
    { nixpkgs, upstream, ... }:
    let
      inherit (nixpkgs) lib;
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      lock = lib.importTOML ./uv.lock;
      project = lib.importTOML (upstream + "/pyproject.toml");
    in
    {
      packages.x86_64-linux.default = pkgs.writeText "survey-lock-summary" ''
        ${project.project.name}: ${toString (builtins.length lock.package)} locked packages
      '';
    };
}
