{
  description = "GPU shell that takes libcuda from nixpkgs' driver package";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = import nixpkgs {
        system = "x86_64-linux";
        config.allowUnfree = true;
      };
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.python312 pkgs.cudaPackages.cuda_cudart pkgs.linuxPackages.nvidia_x11 ];
        shellHook = ''
          export LD_LIBRARY_PATH=${pkgs.linuxPackages.nvidia_x11}/lib:${pkgs.cudaPackages.cuda_cudart}/lib
        '';
      };
    };
}
