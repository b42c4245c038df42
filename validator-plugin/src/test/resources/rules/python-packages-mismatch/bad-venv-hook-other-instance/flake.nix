{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    unstable.url = "github:NixOS/nixpkgs/nixos-unstable";
  };

  outputs = { self, nixpkgs, unstable }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      upkgs = unstable.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        venvDir = ".venv";
        packages = [
          (pkgs.python312.withPackages (ps: [ ps.numpy ]))
          upkgs.python312Packages.venvShellHook
          upkgs.uv
        ];
      };
    };
}
