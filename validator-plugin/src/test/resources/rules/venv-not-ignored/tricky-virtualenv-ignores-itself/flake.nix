{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        # virtualenv (20.0.21 and later) writes a .gitignore of `*` into every venv it makes
        packages = [ pkgs.python311 pkgs.python311Packages.virtualenv ];
        shellHook = ''
          test -d venv || virtualenv venv
          source venv/bin/activate
        '';
      };
    };
}
