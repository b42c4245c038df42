{
  description = "A shell built by mkShell.override with another stdenv";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs =
    { nixpkgs, ... }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      mkShell = pkgs.mkShell.override { stdenv = pkgs.gcc13Stdenv; };
    in
    {
      devShells.x86_64-linux.default = mkShell {
        packages = [
          pkgs.python312
          pkgs.uv
        ];
        UV_PYTHON_DOWNLOADS = "never";
      };
    };
}
