{
  description = "A venv on a machine without NixOS: the hook preloads the host's libcuda by path";

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
        venvDir = ".venv";
        packages = [ pkgs.python312 pkgs.python312Packages.venvShellHook pkgs.cudaPackages.cudatoolkit ];
        postShellHook = ''
          export LD_PRELOAD="/usr/lib/x86_64-linux-gnu/libcuda.so.1 /usr/lib/x86_64-linux-gnu/libnvidia-ml.so.1"
          export LD_LIBRARY_PATH=${pkgs.cudaPackages.cudatoolkit}/lib:$LD_LIBRARY_PATH
        '';
      };
    };
}
