{
  description = "the hook enters .venv and runs its pip, but nothing makes .venv";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.python312 ];
        shellHook = ''
          source .venv/bin/activate
          .venv/bin/pip install -r requirements.txt
          make lint
        '';
      };
    };
}
