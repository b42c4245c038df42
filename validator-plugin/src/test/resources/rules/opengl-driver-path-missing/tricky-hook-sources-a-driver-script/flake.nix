{
  description = "CUDA with nvcc; the driver's libraries come from a script the hook runs in the shell itself";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { nixpkgs, ... }:
    let
      pkgs = import nixpkgs {
        system = "x86_64-linux";
        config.allowUnfree = true;
      };
    in
    {
      # nixGL's way: its wrapper script, less the final exec, sourced so that its exports stay in the shell
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.cudaPackages.cudatoolkit ];
        shellHook = ''
          export CUDA_PATH=${pkgs.cudaPackages.cudatoolkit}
          source <(sed -e '/exec/d' ./scripts/gl-wrapper)
        '';
      };
      # a setup script's output evaluated in the shell
      devShells.x86_64-linux.evaluated = pkgs.mkShell {
        packages = [ pkgs.cudaPackages.cudatoolkit ];
        shellHook = ''
          eval "$(./scripts/driver-env --print)"
        '';
      };
    };
}
