{
  description = "Tabular models; the old single-shell attribute, without its system";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShell = pkgs.mkShell {
        packages = [ pkgs.python312 pkgs.uv ];
      };
    };
}
