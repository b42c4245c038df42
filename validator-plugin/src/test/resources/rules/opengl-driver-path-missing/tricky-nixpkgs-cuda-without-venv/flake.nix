{
  description = "PyTorch and cuDNN from nixpkgs, no venv: nixpkgs' CUDA builds find the driver through their RUNPATH";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { nixpkgs, ... }:
    let
      pkgs = import nixpkgs {
        system = "x86_64-linux";
        config = { allowUnfree = true; cudaSupport = true; };
      };
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [
          pkgs.cudaPackages.cudnn
          pkgs.python312Packages.torch-bin
          (pkgs.python312.withPackages (ps: [ ps.numpy ps.torchWithCuda ]))
        ];
        shellHook = ''
          export CUDA_PATH=${pkgs.cudaPackages.cudatoolkit}
        '';
      };
    };
}
