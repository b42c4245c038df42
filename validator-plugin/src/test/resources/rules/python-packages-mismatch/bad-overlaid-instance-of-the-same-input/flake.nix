{
  description = "The same input imported apart with an overlay that rebuilds python310: two interpreters";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

  outputs =
    { nixpkgs, ... }:
    let
      system = "x86_64-linux";
      pkgs = import nixpkgs { inherit system; };
      pkgsPatched = import nixpkgs {
        inherit system;
        overlays = [
          (final: prev: {
            python310 = prev.python310.overrideAttrs (old: { doCheck = false; });
          })
        ];
      };
    in
    {
      devShells.${system}.default = pkgs.mkShell {
        venvDir = ".venv";
        packages = [
          pkgs.python310Packages.venvShellHook
          pkgsPatched.python310
        ];
      };
    };
}
