{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      python = pkgs.python311;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ python python.pkgs.virtualenv python.pkgs.pip-tools ];
        shellHook = ''
          [ -d env ] || virtualenv --python=${python}/bin/python env
          . env/bin/activate
        '';
      };
    };
}
