{
  description = "A Python from nixpkgs beside uv: the venv it makes loads wheels through the plain loader";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

  outputs =
    { nixpkgs, ... }:
    let
      system = "x86_64-linux";
      pkgs = import nixpkgs {
        inherit system;
        config.allowUnfree = true;
      };
    in
    {
      devShells.${system}.default = pkgs.mkShellNoCC {
        packages = [
          pkgs.uv
          pkgs.python312
          pkgs.cmake
          pkgs.cudaPackages.cuda_nvcc
        ];
        # nix-ld reads this list, but python312 is no program run through it
        NIX_LD_LIBRARY_PATH = "${pkgs.lib.makeLibraryPath [ pkgs.stdenv.cc.cc pkgs.zlib ]}:/run/opengl-driver/lib";
        shellHook = ''
          uv sync --python ${pkgs.python312}/bin/python3
          source .venv/bin/activate
        '';
      };
    };
}
