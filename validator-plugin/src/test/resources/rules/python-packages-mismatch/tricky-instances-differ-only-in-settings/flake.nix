{
  description = "One nixpkgs imported twice, the second with CUDA on: the same python310 either way";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

  outputs =
    { nixpkgs, ... }:
    let
      system = "x86_64-linux";
      pkgs = import nixpkgs {
        inherit system;
        # an overlay that adds a tool leaves python310 as it was
        overlays = [ (final: prev: { formatter = prev.ruff; }) ];
      };
      pkgsCuda = import nixpkgs {
        inherit system;
        config = {
          allowUnfree = true;
          cudaSupport = true;
        };
      };
    in
    {
      devShells.${system}.default = pkgs.mkShell {
        venvDir = ".venv";
        packages = [
          pkgs.python310Packages.venvShellHook
          (pkgsCuda.python310.withPackages (ps: [ ps.torch-bin ]))
          (pkgsCuda.python310Packages.torch.override { cudaSupport = true; })
        ];
      };
    };
}
