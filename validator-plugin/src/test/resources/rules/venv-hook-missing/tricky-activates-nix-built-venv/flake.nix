{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      # The venv is a store path that Nix builds, so no hook has to create it before it is activated.
      venv = pkgs.runCommand "dev-venv" { } ''
        ${pkgs.python312}/bin/python -m venv $out
      '';
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.python312 ];
        shellHook = ''
          source ${venv}/bin/activate
        '';
      };
      devShells.x86_64-linux.interpreter = pkgs.mkShell {
        packages = [ pkgs.python312 ];
        shellHook = ''
          . ${pkgs.python312}/bin/activate
        '';
      };
    };
}
