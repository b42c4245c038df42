{
  description = "uv in the shell, a uv.lock, and no pyproject.toml beside it: uv refuses the lock";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs =
    { nixpkgs, ... }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [
          pkgs.python312
          pkgs.uv
        ];
        env.UV_PYTHON_DOWNLOADS = "never";
      };
    };
}
