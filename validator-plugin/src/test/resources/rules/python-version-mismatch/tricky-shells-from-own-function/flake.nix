{
  description = "Shells built by the flake's own function, applied by mapAttrs";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs =
    { nixpkgs, ... }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      mkDevShell =
        python:
        pkgs.mkShell {
          packages = [
            python
            pkgs.uv
          ];
          UV_PYTHON_DOWNLOADS = "never";
        };
    in
    {
      devShells.x86_64-linux = builtins.mapAttrs (name: mkDevShell) {
        default = pkgs.python313;
      };
    };
}
