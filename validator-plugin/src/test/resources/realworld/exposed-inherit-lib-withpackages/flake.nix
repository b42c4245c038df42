{
  description = "Plots for the thesis";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      inherit (nixpkgs) lib;
      forAllSystems = lib.genAttrs lib.systems.flakeExposed;
    in
    {
      devShells = forAllSystems (system:
        let
          pkgs = nixpkgs.legacyPackages.${system};
          pyEnv = pkgs.python3.withPackages (ps: with ps; [
            numpy
            matplotlib
            scipy
            jupyterlab
          ]);
        in
        {
          default = pkgs.mkShell {
            packages = [ pyEnv pkgs.texliveMedium ];
          };
        });
    };
}
