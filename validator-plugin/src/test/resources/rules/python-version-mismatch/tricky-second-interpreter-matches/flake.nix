{
  description = "Two interpreters, one of them the pinned 3.12: their clash is python-interpreter-conflict's";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.11";

  outputs =
    { nixpkgs, ... }:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
    in
    {
      devShells.${system}.default = pkgs.mkShell {
        packages = [
          pkgs.python312
          (pkgs.python313.withPackages (ps: [ ps.jupyterlab ]))
          pkgs.uv
        ];
        env.UV_PYTHON_DOWNLOADS = "never";
      };
    };
}
