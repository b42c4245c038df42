{
  description = "CUDA development with nvcc, no venv: what nvcc builds loads libcuda.so from the driver";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { nixpkgs, ... }:
    let
      pkgs = import nixpkgs {
        system = "x86_64-linux";
        config.allowUnfree = true;
      };
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.cudaPackages.cudatoolkit pkgs.python312Packages.torch-bin ];
        shellHook = ''
          export CUDA_PATH=${pkgs.cudaPackages.cudatoolkit}
          export EXTRA_LDFLAGS="-L${pkgs.linuxPackages.nvidia_x11}/lib"
        '';
      };
    };
}
