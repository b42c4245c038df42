{
  description = "uv beside plain python3, which nixos-25.05 makes 3.12";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";

  outputs =
    { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [
          pkgs.python3
          pkgs.uv
        ];
        shellHook = ''
          uv sync
          source .venv/bin/activate
        '';
      };
    };
}
