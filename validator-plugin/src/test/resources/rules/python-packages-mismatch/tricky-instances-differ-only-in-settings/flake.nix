{
  description = "One nixpkgs imported twice, the second with CUDA on: the same python310 either way";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

  outputs =
    { nixpkgs, ... }:
    let
      system = "x86_64-linux";
      pkgs = import nixpkgs { inherit system; };
      # one import with an overlay: its package's `.override { cudaSupport = true; }` is still its python310
      pkgsTools = import nixpkgs {
        inherit system;
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
      devShells.${system} = {
        tools = pkgsTools.mkShell {
          venvDir = ".venv";
          packages = [
            pkgsTools.python310Packages.venvShellHook
            (pkgsTools.python310Packages.numpy.override { cudaSupport = true; })
          ];
        };
        default = pkgs.mkShell {
          venvDir = ".venv";
          packages = [
            pkgs.python310Packages.venvShellHook
            (pkgsCuda.python310.withPackages (ps: [ ps.torch-bin ]))
            (pkgsCuda.python310Packages.torch.override { cudaSupport = true; })
          ];
        };
      };
    };
}
