{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = import nixpkgs {
        system = "x86_64-linux";
        config.allowUnfree = true;
        config.cudaSupport = true;
      };
      lib = pkgs.lib;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        venvDir = ".venv";
        packages = [ pkgs.python312 pkgs.python312Packages.venvShellHook pkgs.uv ];
        UV_PYTHON_DOWNLOADS = "never";
        shellHook = ''
          export CUDA_PATH=${pkgs.cudaPackages.cudatoolkit}
          export LD_LIBRARY_PATH=${lib.makeLibraryPath [ pkgs.stdenv.cc.cc pkgs.cudaPackages.cudatoolkit pkgs.cudaPackages.cudnn ]}:/run/opengl-driver/lib
          runHook venvShellHook
        '';
      };
    };
}
