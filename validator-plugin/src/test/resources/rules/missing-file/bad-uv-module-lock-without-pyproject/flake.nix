{
  description = "uv as a module of the withPackages environment (on PATH too), a uv.lock, no pyproject.toml";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs =
    { nixpkgs, ... }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ (pkgs.python312.withPackages (ps: [ ps.uv ])) ];
        env.UV_PYTHON_DOWNLOADS = "never";
      };
    };
}
